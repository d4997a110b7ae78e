# Attack and correctness: "Exception ignored in ..." (an exception CPython cannot raise: a generator's `finally`
# raising when the generator is finalized, an `__eq__` raising inside a dict lookup of a finalizer) went through
# the default sys.unraisablehook: in-process the program's text landed on the HOST's stderr, uncapped (log
# forging, megabytes), and in both isolations the hook's import of `io` through the program's `__import__`
# made correct code end `violation`. Now: the run's stderr, capped, CPython's text, CPython's status.
# Published: this project's red team, round 3 (F17); the class is output that bypasses the sandbox's capture
# through interpreter-level hooks (cf. CPython bpo-36829 sys.unraisablehook, pyjail stderr smuggling).
from tests.python.native import native_file as _native

GEN_FINALLY = """
def g():
    try:
        yield 1
    finally:
        raise ValueError("ignored-" + str(len("abc")))
for i in range(3):
    it = g(); next(it); del it
print("done")
"""

FLOOD = """
def g():
    try:
        yield 1
    finally:
        raise ValueError("UNRAISABLE-FLOOD-" + "X" * 300000)
for i in range(300):
    it = g(); next(it); del it
print("done")
"""



def _no_addresses(text: str) -> str:
    import re

    return re.sub(r" at 0x[0-9a-f]+>", " at 0x...>", text)


def test_generator_finally_raising_reports_as_cpython(guest, capfd):
    r = guest.run(GEN_FINALLY)
    out, err, rc = _native(GEN_FINALLY)
    assert (str(r.status), r.exit_code, r.stdout) == ("ok", rc, out), r
    assert _no_addresses(r.stderr) == _no_addresses(err), (r.stderr, err)
    assert "ignored-3" not in capfd.readouterr().err  # never on the host's own stderr
    guest.contained(r, {"ok"})


def test_unraisable_flood_is_capped_and_stays_off_the_host(guest, capfd):
    r = guest.run(FLOOD, timeout=5.0)
    host_err = capfd.readouterr().err
    assert "UNRAISABLE-FLOOD" not in host_err, f"[{guest.mode}] {len(host_err)} bytes on the host's stderr"
    assert len((r.stdout + r.stderr).encode()) <= 1024 * 1024 + 4096, len(r.stderr)
    guest.contained(r, {"output_limit"})
