"""Shared by the atheris harnesses: run one target over fuzz input; anything but its contract is a crash."""

from __future__ import annotations

import sys
from typing import Callable

import atheris


def main(target: Callable[[bytes], None]) -> None:
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


def text(data: bytes) -> str:
    """Fuzz bytes as the text a caller would pass (invalid UTF-8 replaced, as run() would refuse it anyway)."""
    return data.decode("utf-8", "replace")
