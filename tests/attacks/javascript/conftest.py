"""Fixtures of the JavaScript attack corpus.

Every attack runs against the default policy (JavaScript in the confined worker), so a payload
that aborts V8 ends that worker, never the test process. A module that sets
``SAFE_IN_PROCESS = True`` (escapes, prototype pollution, leaks: nothing that can exhaust
memory, hang a builtin or abort V8) runs a second time with ``isolation: inprocess``.
"""

import dataclasses
import os

import pytest

from sandboxes import Sandbox, default_policy

CLEAN_PROBE = """
const probes = [typeof leaked, typeof Object.prototype.polluted, [1, 2].join('-'), JSON.stringify({a: 1}),
  typeof require, typeof process, typeof SharedArrayBuffer, typeof WebAssembly, String(Symbol.species in Array)];
console.log(probes.join('|'));
"""
CLEAN_EXPECTED = "undefined|undefined|1-2|{\"a\":1}|function|object|undefined|undefined|true\n"  # the Node shims


def pytest_generate_tests(metafunc):
    if "isolation" in metafunc.fixturenames:
        modes = ["worker", "inprocess"] if getattr(metafunc.module, "SAFE_IN_PROCESS", False) else ["worker"]
        metafunc.parametrize("isolation", modes, indirect=True, scope="module")


@pytest.fixture(scope="module")
def isolation(request):
    return request.param


# Margin check (local, by hand): ``SANDBOXES_ATTACK_TIMEOUT_SCALE=5`` runs every payload with five times its
# timeout. An attack that expects ``timeout`` and then ends ``ok`` is one whose payload a faster machine
# could finish inside its real timeout (a flaky test). Elapsed-time bounds then fail: read past them.
TIMEOUT_SCALE = float(os.environ.get("SANDBOXES_ATTACK_TIMEOUT_SCALE", "1") or 1)


@pytest.fixture(scope="module")
def sandbox(isolation):
    policy = default_policy()
    assert policy.javascript.isolation == "worker"  # the default every attack is checked against
    if isolation != policy.javascript.isolation:
        policy = dataclasses.replace(policy, javascript=dataclasses.replace(policy.javascript, isolation=isolation))
    with Sandbox(policy) as sb:
        assert sb.run("js", "").status == "ok"  # start the worker: timing assertions see runs, not start-up
        yield sb


@pytest.fixture(scope="module")
def js(sandbox):
    def run(code, **kw):
        if TIMEOUT_SCALE != 1:
            kw["timeout"] = min((kw.get("timeout") or 2.0) * TIMEOUT_SCALE, 60.0)  # the policy's ceiling
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
