import pytest

from sandboxes import Sandbox

CLEAN_PROBE = """
const probes = [typeof leaked, typeof Object.prototype.polluted, [1, 2].join('-'), JSON.stringify({a: 1}),
  typeof require, typeof process, typeof SharedArrayBuffer, typeof WebAssembly, String(Symbol.species in Array)];
console.log(probes.join('|'));
"""
CLEAN_EXPECTED = "undefined|undefined|1-2|{\"a\":1}|undefined|undefined|undefined|undefined|true\n"


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox() as sb:
        yield sb


@pytest.fixture(scope="module")
def js(sandbox):
    def run(code, **kw):
        return sandbox.run("js", code, **kw)
    return run


@pytest.fixture
def assert_clean(js):
    """The next run sees a pristine realm and the host still works."""
    def check():
        r = js(CLEAN_PROBE)
        assert r.status == "ok", r.stderr
        assert r.stdout == CLEAN_EXPECTED
    return check


HOST_MARKERS = ("/work", "site-packages", ".py", "py_mini_racer", "/home", "/root", "/tmp")


def assert_no_host_leak(result):
    text = result.stdout + result.stderr
    for marker in HOST_MARKERS:
        assert marker not in text, marker
