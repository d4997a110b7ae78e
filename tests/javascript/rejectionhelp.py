"""Helpers of the unhandled-rejection tests: Python thread states counted, programs run in node."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from pathlib import Path

NODE = shutil.which("node")


def python_thread_states() -> int:
    """The thread states of this interpreter (kept ones of isolate threads among them)."""
    api = ctypes.pythonapi
    api.PyInterpreterState_Get.restype = ctypes.c_void_p
    api.PyInterpreterState_ThreadHead.restype = ctypes.c_void_p
    api.PyInterpreterState_ThreadHead.argtypes = (ctypes.c_void_p,)
    api.PyThreadState_Next.restype = ctypes.c_void_p
    api.PyThreadState_Next.argtypes = (ctypes.c_void_p,)
    n, ts = 0, api.PyInterpreterState_ThreadHead(api.PyInterpreterState_Get())
    while ts:
        n, ts = n + 1, api.PyThreadState_Next(ts)
    return n


def run_in_node(directory: Path, cases: dict[str, str]) -> dict[str, subprocess.CompletedProcess[str]]:
    """Each program run once by node, as a file main.js would be."""
    out = {}
    for name, code in cases.items():
        path = directory / f"{name}.js"
        path.write_text(code)
        assert NODE is not None
        out[name] = subprocess.run([NODE, str(path)], capture_output=True, text=True, timeout=60)
    return out


def error_line(stderr: str) -> str:
    """Node's report: where (1-3 lines), a blank line, then the error's first line."""
    lines = stderr.split("\n")
    return lines[lines.index("") + 1] if "" in lines[:-1] else ""
