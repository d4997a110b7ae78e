import faulthandler
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# The files that keep one worker busiest (seconds, a fresh-clone run of the suite on 2 cores,
# 2026-12-03, load 3-5; tests/go's two suites compile ~160 new programs each, ~1 CPU-s apiece).
HEAVY_FILES = {"tests/go/test_programs_suite.py": 186.0, "tests/go/test_humaneval.py": 141.0,
               "tests/audit/test_audit_whole_corpus.py": 65.0}
SECONDS_PER_TEST = 0.2  # what a test of any other file takes, about (the suite's mean)


def pytest_configure(config):
    """Our order, not xdist's: with ``--dist loadfile`` it otherwise sends the files with the most tests
    first (``--loadscope-reorder``, on by default), which started the wasm Python tests, waiting for
    their module build, within the first minute, and left two-test files of minutes to the end."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(session, config, items):
    """The longest files first, so that the last ones to start are short (xdist hands a worker the next
    file as it nears the end of its current one); the wasm Python engine's tests last: on a fresh
    machine they wait for its one-off build, which runs in the background meanwhile (started below),
    while the other tests keep both cores busy."""
    root = config.rootpath
    counts: dict[str, int] = {}
    for item in items:
        counts[_rel(item, root)] = counts.get(_rel(item, root), 0) + 1

    def key(item):
        rel = _rel(item, root)
        return ("python_wasm" in rel, -HEAVY_FILES.get(rel, counts[rel] * SECONDS_PER_TEST))

    items.sort(key=key)


def _rel(item, root) -> str:
    try:
        return item.path.relative_to(root).as_posix()
    except ValueError:
        return item.path.as_posix()


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
