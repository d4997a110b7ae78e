# Attack: the site builtins that open the host: help() (pydoc imports modules, reads files, runs a pager),
# breakpoint() (pdb: a full interpreter), license()/credits()/copyright (read files), exit/quit objects
# with a __call__ that closes sys.stdin.
# Published: pwn.college / CTF pyjail write-ups ("help() -> module name -> less -> !sh", "breakpoint()",
# "license._Printer__filenames"); the brief of this project.
import pytest

PAYLOADS = {
    "help()": {"violation"},
    "help('os')": {"violation"},
    "h = help\nh(print)": {"violation"},
    "breakpoint()": {"violation"},
    "license()": {"error"},
    "credits()": {"error"},
    "print(copyright)": {"error"},
    "print(license._Printer__filenames)": {"error", "violation"},
    "import pdb\npdb.set_trace()": {"violation"},
}


@pytest.mark.parametrize("code", list(PAYLOADS))
def test_site_builtins_are_absent_or_refused(guest, code):
    r = guest.run(code + "\nprint('REACHED')")
    guest.contained(r, PAYLOADS[code], forbidden=["REACHED", "Python Software Foundation", "Welcome to Python"])


def test_exit_and_quit_end_the_run_only(guest):
    r = guest.run("print('before')\nexit(3)\nprint('after')")
    guest.contained(r, {"error"}, forbidden=["after"])
    assert r.exit_code == 3 and r.stdout == "before\n"
    r = guest.run("import sys\ntry:\n    sys.exit(0)\nexcept BaseException:\n    print('caught')\nprint('after')")
    guest.contained(r, {"ok"})
