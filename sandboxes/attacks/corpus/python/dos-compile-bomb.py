# attack: dos-compile-bomb
# category: resource-exhaustion
# tries: make the compiler itself blow up: deep nesting and huge literals through eval
# source: CPython bpo-3971 / gh-95185 (compiler recursion on deeply nested expressions); CWE-674
# verdict: status in {violation, error, compile_error, timeout, memory_limit} and returns within 6 s
# timeout_s: 1
src = "(" * 200000 + "1" + ")" * 200000
print(eval(src))
print(eval("[" * 100000 + "]" * 100000))
