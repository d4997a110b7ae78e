# Attack: make the sandbox's own report of a run (the traceback, the exception's class name and
# message, a SystemExit message, a violation's detail) carry megabytes past max_output_bytes: a class
# made with type() may set any __qualname__ (3 MB of stderr under a 1 MiB cap, status `error`), an
# attribute name of a megabyte lands in a violation's detail, a deep recursion through a long source
# line repeats that line in every frame of the traceback.
# Published: issue 12 of this project (round-2 red team, "Output cap"); the output-flooding class of
# judge/sandbox DoS (CWE-400, CWE-770), e.g. Judge0 and Piston output limits.
import pytest

CAP = 1 << 20  # the default policy's max_output_bytes

PAYLOADS = [
    # a class name of 3 MB in the traceback's last line
    ("E = type('E', (Exception,), {'__qualname__': 'Q' * 3_000_000})\nraise E('boom')", {"output_limit"}),
    # output just under the cap, then a traceback with a long message
    (f"import sys\nsys.stdout.write('a' * ({CAP} - 100))\nraise ValueError('m' * 9000)", {"output_limit"}),
    # SystemExit with a message, after output at the cap's edge
    (f"print('b' * ({CAP} - 10))\nraise SystemExit('z' * 9000)", {"output_limit"}),
    # a deep recursion whose traceback would repeat a 60 KB source line in each of its frames
    ("def f(n, s='" + "s" * 60000 + "'):\n    return f(n + 1)\nf(0)", {"error", "output_limit"}),
    # a violation whose detail quotes a megabyte-long attribute name (a dunder: '__x' without the
    # closing underscores is a private name since issue 13, CPython's AttributeError)
    ("getattr(1, '__' + 'x' * 1_000_000 + '__')", {"violation"}),
    ("getattr(1, '__' + 'x' * 1_000_000)", {"error"}),
]


@pytest.mark.parametrize("code,statuses", PAYLOADS)
def test_every_reported_byte_counts_against_the_cap(guest, code, statuses):
    r = guest.run(code, wall=30.0)
    guest.contained(r, statuses)
    returned = len(r.stdout.encode()) + len(r.stderr.encode())
    assert returned <= CAP, f"[{guest.mode}] {returned} bytes returned under a cap of {CAP}"
    assert sum(len(v.detail) for v in r.violations) < 10_000, [len(v.detail) for v in r.violations]
    assert len(str(r.extra.get("stop_detail", ""))) < 10_000
