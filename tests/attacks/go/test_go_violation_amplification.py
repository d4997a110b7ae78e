# Tries: make the refusal itself large: one import whose raw-string path is ~1 MB of control characters.
# The violation detail quotes the path with repr() (4 characters per control byte), the report repeats it
# in stderr, and JSON escapes it again on the way out of a worker: ~10 MB of result for 1 MB of source.
# In a worker that frame is over the result byte cap, so the refusal comes back as `output_limit` and the
# audit log never records which import was refused; in-process the 4 MB stderr ignores max_output_bytes.
# Published: CWE-117/CWE-779 (log injection / audit evasion by oversized entries) and "error message
# amplification" (CWE-400); the same class as JSON-escape blow-up in log pipelines.
import dataclasses

import sandboxes

from tests.go.gohelp import policy, run

PAD = "\x01" * (1_000_000 - 200)
SRC = 'package main\nimport (\n\t"unsafe"\n\t`' + PAD + '`\n)\nfunc main() { _ = unsafe.Sizeof(0) }\n'

_worker = None


def _worker_policy():
    global _worker
    if _worker is None:
        base = policy()
        _worker = dataclasses.replace(base, go=dataclasses.replace(base.go, isolation="worker"))
    return _worker


def test_worker_reports_the_refused_import():
    r = sandboxes.run("go", SRC, policy=_worker_policy())
    assert r.status == "violation", (r.status, r.stderr[:200], r.extra)
    assert any("'unsafe'" in v.detail for v in r.violations)


def test_inprocess_report_respects_the_output_cap():
    r = run(SRC)
    assert r.status == "violation"
    assert any("'unsafe'" in v.detail for v in r.violations)
    cap = policy().go.limits.max_output_bytes
    assert len(r.stderr.encode()) <= cap and all(len(v.detail) <= cap for v in r.violations), len(r.stderr)


def test_small_refusal_is_reported_in_both_modes():
    src = 'package main\nimport `\x01\x02unsafe`\nimport "unsafe"\nfunc main() {}\n'
    for r in (run(src), sandboxes.run("go", src, policy=_worker_policy())):
        assert r.status == "violation", (r.status, r.extra)
        assert [(v.kind, v.line) for v in r.violations] == [("import", 2), ("import", 3)]
