# Attack and correctness: the compiler's SyntaxWarnings for the program's source (`x is 1`, `eval(f"{i} is 5")`
# in a loop) went to the HOST's stderr through the default warnings.showwarning: in-process 1.3 MB in 5 s,
# uncapped, outside the run's output. Now they are the run's stderr, as CPython prints them, capped.
# Published: this project's red team, round 3 (F16); the class is output that bypasses the sandbox's capture
# through interpreter-level hooks (warnings.showwarning at compile time).
from tests.python.native import native_file as _native

ORDINARY = """
x = 1
print(x is 1 or x is 1)
print(eval("x is 2"))
ns = {}
exec("a = 1\\nb = a is 1", ns)
print(ns["b"])
s = "\\\\d"
print(len(s))
"""

FLOOD = """
for i in range(40000):
    eval(f"{i} is 5")
print("done")
"""



def test_syntax_warnings_are_the_runs_stderr_as_cpython(guest, capfd):
    r = guest.run(ORDINARY)
    out, err, rc = _native(ORDINARY)
    assert (str(r.status), r.exit_code, r.stdout, r.stderr) == ("ok", rc, out, err), r
    assert "SyntaxWarning" not in capfd.readouterr().err
    r = guest.run(ORDINARY)  # a second run (its compile cached) prints them too, as a second python3 would
    assert r.stderr == err, r


def test_syntax_warning_flood_is_capped_and_stays_off_the_host(guest, capfd):
    r = guest.run(FLOOD, timeout=20.0)
    host_err = capfd.readouterr().err
    assert "SyntaxWarning" not in host_err, f"[{guest.mode}] {len(host_err)} bytes on the host's stderr"
    guest.contained(r, {"output_limit", "timeout"})
