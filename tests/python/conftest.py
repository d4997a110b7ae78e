from dataclasses import replace

import pytest

import sandboxes


def _policy(isolation):
    pol = sandboxes.default_policy()
    return replace(pol, python=replace(pol.python, isolation=isolation))


@pytest.fixture(scope="session")
def inproc():
    with sandboxes.Sandbox(_policy("inprocess")) as sb:
        yield sb


@pytest.fixture(scope="session")
def worker():
    with sandboxes.Sandbox(_policy("worker")) as sb:
        yield sb


@pytest.fixture(scope="session", params=["inprocess", "worker"])
def sb(request, inproc, worker):
    return inproc if request.param == "inprocess" else worker
