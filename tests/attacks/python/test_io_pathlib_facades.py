# Attack: io and pathlib are importable since issue 13 (the sandbox's StringIO/BytesIO, pure paths).
# What stays out of reach: files (io.open, FileIO, TextIOWrapper, pathlib.Path.read_text), the raw
# library stream behind the sandbox's (a seek far past the end and a write zero-fill the gap in C,
# uninterruptible: a memory bomb), BytesIO.getbuffer (a memoryview), and the host's sys.stdout
# (contextlib.redirect_stdout replaces it process-wide in CPython).
# Published: pyjail write-ups using io.open / pathlib.Path as "open" alternatives; memory bombs through
# sparse writes (BytesIO.seek + write).
import pytest

PAYLOADS = [
    ("import io\nprint('REACHED', io.open('/etc/hostname').read())", {"error"}),
    ("import io\nprint('REACHED', io.FileIO, io.TextIOWrapper, io.open_code)", {"error"}),
    ("import pathlib\nprint('REACHED', pathlib.Path('/etc/hostname').read_text())", {"error"}),
    ("from pathlib import PurePosixPath\np = PurePosixPath('/etc/hostname')\nprint('REACHED', open(p).read())",
     {"violation"}),
    ("from pathlib import PurePosixPath\nprint('REACHED', type(PurePosixPath('/')).__mro__)", {"error", "violation"}),
    ("import io\nb = io.BytesIO(b'x')\nprint('REACHED', b.getbuffer())", {"error"}),
    ("import io\nb = io.BytesIO()\nprint('REACHED', b._sb_buf)", {"violation"}),
    ("import io\nb = io.BytesIO()\nprint('REACHED', getattr(b, '_sb_' + 'buf'))", {"violation"}),
    ("import io\nb = io.StringIO()\nit = iter(b)\nprint('REACHED', type(it).__name__ != 'StringIO')", {"ok"}),
]


@pytest.mark.parametrize("code,statuses", PAYLOADS)
def test_io_and_pathlib_reach_no_file(guest, code, statuses):
    r = guest.run(code)
    guest.contained(r, statuses, forbidden=["REACHED"] if statuses != {"ok"} else ["REACHED True"])


@pytest.mark.parametrize("code", [
    "import io\nb = io.BytesIO()\nb.seek(2**40)\nb.write(b'x')",
    "import io\ns = io.StringIO()\ns.seek(2**36)\ns.write('x')",
    "import io, copy\nb = copy.copy(io.BytesIO())\nb.seek(2**40)\nb.write(b'x')",
])
def test_a_write_far_past_the_end_is_refused_before_c_fills_the_gap(guest, code):
    r = guest.run(code, wall=30)
    guest.contained(r, {"violation", "memory_limit", "error"})
    assert r.status != "ok"


def test_redirect_stdout_is_the_runs_own(guest):
    code = ("import io, contextlib, sys\nbuf = io.StringIO()\nwith contextlib.redirect_stdout(buf):\n"
            "    print('inside')\n    sys.stdout.write('raw\\n')\nprint('outside', repr(buf.getvalue()))\n")
    import sys
    host_stdout = sys.stdout
    r = guest.run(code)
    guest.contained(r, {"ok"})
    assert r.stdout == "outside 'inside\\nraw\\n'\n"
    assert sys.stdout is host_stdout
