import pytest

from sandboxes import Sandbox, default_policy
from sandboxes.javascript import JavaScriptRuntime


@pytest.fixture(scope="session")
def sandbox():
    with Sandbox() as sb:
        yield sb


@pytest.fixture(scope="session")
def js(sandbox):
    """Run JavaScript through the public facade: js(code, **kw) -> Result."""
    def run(code, **kw):
        return sandbox.run("js", code, **kw)
    return run


@pytest.fixture
def runtime():
    rt = JavaScriptRuntime(default_policy().javascript)
    yield rt
    rt.close()
