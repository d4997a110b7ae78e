import gc
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


@pytest.fixture
def no_gc_callbacks():
    """Host gc callbacks run in whichever thread collects: during a run, the guest's.

    Another test's Hypothesis run leaves one installed; a run stopped by its deadline can get the
    stop inside it, and pytest's unraisable hook then formats exception chains thousands long
    (seen: 25 s for a 0.5 s timeout). The collector keeps its own reference to the list: it is
    emptied in place, then restored.
    """
    saved = list(gc.callbacks)
    gc.callbacks.clear()
    try:
        yield
    finally:
        gc.callbacks.extend(saved)
