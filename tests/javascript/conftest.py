import dataclasses

import pytest

from sandboxes import Sandbox, default_policy
from sandboxes.javascript import JavaScriptRuntime


@pytest.fixture(scope="session")
def sandbox():
    """The default policy: JavaScript runs in the confined worker."""
    with Sandbox() as sb:
        assert sb.run("js", "").status == "ok"  # start the worker: timing assertions see runs, not start-up
        yield sb


@pytest.fixture(scope="session")
def sandbox_inprocess():
    """JavaScript in this process (only for programs that cannot exhaust memory or abort V8)."""
    policy = default_policy()
    policy = dataclasses.replace(policy, javascript=dataclasses.replace(policy.javascript, isolation="inprocess"))
    with Sandbox(policy) as sb:
        yield sb


@pytest.fixture(scope="session")
def js(sandbox):
    """Run JavaScript through the public facade: js(code, **kw) -> Result."""
    def run(code, **kw):
        return sandbox.run("js", code, **kw)
    return run


@pytest.fixture(params=["worker", "inprocess"])
def js_both(request, sandbox, sandbox_inprocess):
    """``js`` in each isolation mode, for well-behaved programs."""
    sb = sandbox if request.param == "worker" else sandbox_inprocess

    def run(code, **kw):
        r = sb.run("js", code, **kw)
        assert ("process" in r.isolation) == (request.param == "worker")
        return r
    return run


@pytest.fixture
def runtime():
    rt = JavaScriptRuntime(default_policy().javascript)
    yield rt
    rt.close()
