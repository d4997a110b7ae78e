# Tries: make the host-side policy check of a Go source (the Python lexer in sandboxes/go/_check.py,
# run before any deadline exists; in the host process, since Go runs in-process by default and
# `Sandbox.check()` always does) take quadratic time with one numeric literal. `_Lexer.number()`
# accepts a sign after an exponent letter and, for every `+`/`-` that follows an `e`/`E`, copies
# the literal so far (`src[start:self.i].lower().startswith("0x")`) to rule out hex. One token
# `1e+e+e+e+...` of 1 MiB (the default max_code_bytes) makes ~500 000 copies of up to 1 MiB:
# measured 0.49 s at 80 KB, 10.2 s at 320 KB, i.e. about 100 s at max_code_bytes.
# Published: CWE-407 "Inefficient Algorithmic Complexity"; same class as the comment-copy bug of
# this checker (test_go_checker_quadratic_comments.py) and Go's own scanner DoS CVE-2023-24537.

import sandboxes
from tests.childproc import json_child

HEAD = "package main\n\nfunc main() {\n\t_ = 1"
TAIL = "\n}\n"
N = (sandboxes.default_policy().go.limits.max_code_bytes - len(HEAD) - len(TAIL)) // 2
BOUND_S = 2.0

CHILD = r'''
import json, sys, time
import sandboxes
head, tail, n = "package main\n\nfunc main() {\n\t_ = 1", "\n}\n", int(sys.argv[2])
src = head + "e+" * n + tail
t0 = time.monotonic()
if sys.argv[1] == "check":
    out = [str(v) for v in sandboxes.check("go", src)]
else:
    r = sandboxes.run("go", src, timeout=2)
    out = r.status.value
    # go build's own time has its budget (go.compile_timeout_s); what is left is the host's work
    t0 += sum(r.extra.get(k, 0) for k in ("stdlib_wait_s", "build_s", "compile_s"))
print(json.dumps([out, time.monotonic() - t0]))
'''


def _child(mode: str) -> tuple[object, float]:
    return json_child(CHILD, mode, N, timeout=BOUND_S + 8 + 60, what=f"{mode}: checking a {2 * N} byte numeric literal")


def test_static_check_of_a_max_size_exponent_literal_is_fast():
    _violations, seconds = _child("check")
    assert seconds < BOUND_S, seconds


def test_run_respects_the_deadline():
    status, seconds = _child("run")
    assert status in ("compile_error", "violation", "timeout"), status
    assert seconds < 4.0, (status, seconds)


def test_ordinary_exponents_still_lex():
    from sandboxes.go._check import lex

    toks, _ = lex("package main\nvar a, b, c = 1e+10, 0x1p-2, 0x1E+2\n")
    assert [t.text for t in toks if t.kind == "number"] == ["1e+10", "0x1p-2", "0x1E", "2"]
