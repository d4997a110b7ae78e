# Attack: import a module that opens the host: os, subprocess, socket, ctypes, importlib, builtins, posix,
# io, pathlib, pickle, marshal, gc, inspect, threading, signal, multiprocessing; through `import`,
# `from x import y`, `__import__`, `importlib.import_module`, and an allowed module's submodule.
# Published: every pyjail write-up; RestrictedPython docs ("guarded_import"); smolagents CVE-2025-5120
# (unrestricted import of submodules of authorized modules).
import pytest

# io, pathlib and asyncio are facades since issue 13 (the sandbox's StringIO/BytesIO, pure paths, an event loop
# inside the run): what stays out of them is in test_io_pathlib_facades.py and test_asyncio_loop_internals.py.
MODULES = ["os", "subprocess", "socket", "ctypes", "importlib", "builtins", "posix", "pickle",
           "marshal", "gc", "inspect", "threading", "signal", "multiprocessing", "_posixsubprocess", "sys.monitoring",
           "random._os", "json.decoder", "collections.os", "code", "pty", "shutil", "tempfile"]


@pytest.mark.parametrize("mod", MODULES)
def test_import_statement_is_refused(guest, mod):
    r = guest.run(f"import {mod}\nprint('REACHED')")
    guest.contained(r, {"violation"}, forbidden=["REACHED"])
    assert r.violations and r.violations[0].kind == "import", r.violations


PAYLOADS = [
    "print('REACHED', __import__('os'))",
    "f = __import__\nprint('REACHED', f('o' + 's'))",
    "print('REACHED', __import__('math', fromlist=['x'], level=1))",
    "from os import system\nprint('REACHED')",
    "from math import _sb_members\nprint('REACHED')",
    "import importlib\nprint('REACHED', importlib.import_module('os'))",
    "m = getattr(__import__('math'), '__spec__', None)\nprint('REACHED', m)",
    "print('REACHED', __import__(b'os'))",
    "class S(str):\n    pass\nprint('REACHED', __import__(S('os')))",
    "class S(str):\n    def __eq__(self, o):\n        return True\n    def __hash__(self):\n        return hash('math')\n"
    "print('REACHED', __import__(S('os')))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_dynamic_imports_are_refused(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
