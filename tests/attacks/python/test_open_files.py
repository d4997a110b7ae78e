# Attack: read a host file (a planted canary) through open(), io, pathlib, a module's file-reading helper,
# the `open` of a library function's globals, or stdin redirection.
# Published: pyjail write-ups ("open('/flag').read()", "help() -> pydoc -> less", "__builtins__['open']");
# RestrictedPython docs (open is not in safe_builtins); smolagents CVE-2025-9959 (file read via allowed modules).
import pytest


def payloads(path):
    p = str(path)
    return [
        f"print('REACHED', open({p!r}).read())",
        f"f = open\nprint('REACHED', f({p!r}, 'rb').read())",
        f"import io\nprint('REACHED', io.open({p!r}).read())",
        f"import pathlib\nprint('REACHED', pathlib.Path({p!r}).read_text())",
        f"import json\nprint('REACHED', json.load(open({p!r})))",
        f"import hashlib\nprint('REACHED', hashlib.file_digest(open({p!r}, 'rb'), 'sha256'))",
        f"import sys\nprint('REACHED', sys.stdin.read(), {p!r})",
        "print('REACHED', getattr(__builtins__, 'open'))",
        "print('REACHED', exec('print(open(' + " + repr(repr(p)) + " + ').read())'))",
        f"import linecache\nprint('REACHED', linecache.getlines({p!r}))",
    ]


@pytest.mark.parametrize("i", range(10))
def test_no_file_can_be_read(guest, canary, i):
    code = payloads(canary.file_path)[i]
    r = guest.run(code)
    guest.contained(r, {"violation", "error", "ok"}, forbidden=[canary.file_secret, "<_io."])
    assert canary.file_secret not in r.stdout + r.stderr
    if i != 6:  # reading sys.stdin (empty) is fine; every other route must be refused
        assert str(r.status) in {"violation", "error"}
