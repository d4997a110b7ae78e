import faulthandler
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_collection_modifyitems(session, config, items):
    """The wasm Python engine's tests go last: on a fresh machine they wait for its one-off build, which
    runs in the background meanwhile (started below), while the other tests keep both cores busy."""
    items.sort(key=lambda item: "python_wasm" in str(item.path))


def pytest_collection_finish(session):
    """The wasm Python engine's one-off module build (1-3 min on 2 cores) starts as soon as its tests are collected."""
    if any("python_wasm" in str(item.path) for item in session.items):
        from tests.python_wasm import wasmhelp

        wasmhelp.start()


HARD_LIMIT_S = float(os.environ.get("SANDBOXES_TEST_HARD_LIMIT_S", "720"))  # the slowest test: ~3 min


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    """A test (its fixtures' setup included) still running after HARD_LIMIT_S has the tracebacks of
    every thread written to stderr and its process ended: under xdist the worker is reported crashed
    on that test and replaced, so a hang costs one test and says where it is, instead of holding the
    whole run until CI gives up without a summary."""
    faulthandler.dump_traceback_later(HARD_LIMIT_S, exit=True, file=sys.__stderr__)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
