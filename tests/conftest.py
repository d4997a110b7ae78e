import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_collection_finish(session):
    """The wasm Python engine's one-off module build (1-3 min on 2 cores) starts as soon as its tests are collected."""
    if any("python_wasm" in str(item.path) for item in session.items):
        from tests.python_wasm import wasmhelp

        wasmhelp.start()
