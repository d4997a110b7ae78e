import sys
from pathlib import Path

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
