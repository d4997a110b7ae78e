# attack: escape-builtins-import
# category: interpreter-escape
# tries: call the real __import__ through __builtins__ or print.__self__
# source: Ned Batchelder, 'Eval really is dangerous' (2012); pyjail classic
# verdict: status in {violation, error, compile_error} and canary not in output
b = print.__self__
print(b.__import__("os").environ["{{CANARY_ENV}}"])
print(__builtins__["__import__"]("os").environ["{{CANARY_ENV}}"])
