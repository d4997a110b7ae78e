import pytest

from tests.python_wasm import wasmhelp


@pytest.fixture(scope="session")
def wsb():
    """A Sandbox with ``python.engine: wasm``, its module built (or loaded from the cache)."""
    sb = wasmhelp.session_sandbox()
    yield sb
    sb.close()
