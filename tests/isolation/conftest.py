"""Fixtures of the process-layer tests: a raw-mode backend (no language layer) and process counting."""

from __future__ import annotations

import pytest

from sandboxes.isolation import WorkerBackend
from sandboxes.policy import default_policy


@pytest.fixture(scope="module")
def raw() -> WorkerBackend:
    """A backend whose children run plain host-level Python: the language layer is bypassed."""
    with WorkerBackend("python", default_policy(), _raw=True) as b:
        yield b
