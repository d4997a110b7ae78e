# Tries: odd exit statuses through os.Exit: 125, 126, 200, 300, -1 and 1<<31-1. WASI proc_exit takes a u32 and
# wasmtime refuses statuses >= 126 with an engine error carrying a wasm backtrace, so a careless embedder
# might report success, crash, or print the engine's internals.
# Published: WASI PR "Disallow non-portable and signal values as exit statuses" https://github.com/WebAssembly/WASI/pull/235,
# wasmtime issue #6919 ("exit with invalid exit status outside of [0..126)" with a wasm backtrace).
import sys
from pathlib import Path

import pytest

from tests.go.gohelp import policy, run


def _exit(code: str) -> str:
    return f'package main\nimport ("fmt"; "os")\nfunc main() {{ fmt.Println("bye"); os.Exit({code}) }}\n'


def test_small_exit_codes_are_reported():
    for code in (0, 1, 3, 125):
        r = run(_exit(str(code)), timeout=30)
        assert r.exit_code == code and r.stdout == "bye\n", (code, r.status, r.stderr)
        assert r.status == ("ok" if code == 0 else "error")


@pytest.mark.parametrize("code", ["126", "200", "300", "-1", "1<<31 - 1"])
def test_out_of_range_exit_codes_are_errors_without_internals(code):
    r = run(_exit(code), timeout=30)
    assert r.status == "error", (code, r.status, r.stderr)
    assert r.exit_code != 0 and r.stdout == "bye\n"
    assert "wasm function" not in r.stderr and "0x" not in r.stderr  # no engine backtrace
    for secret in (policy().go.cache_dir, str(Path.home()), sys.prefix):
        assert secret not in r.stderr


def test_exit_200_is_reported_as_such():
    r = run(_exit("200"), timeout=30)
    assert r.status == "error"
    assert r.exit_code == 200, (r.exit_code, r.stderr)  # not None with a bare "error while executing"
    r = run(_exit("300"), timeout=30)
    assert r.status == "error" and r.exit_code == 300 & 0xFF, (r.exit_code, r.stderr)
