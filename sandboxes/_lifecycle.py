"""One lifecycle for everything that holds native state or processes."""

from __future__ import annotations

from typing import Any, TypeVar

T = TypeVar("T", bound="Closeable")


class Closeable:
    """Idempotent ``close()`` (subclasses implement it), ``with`` support and a ``__del__`` fallback."""

    def close(self) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # a half-built object, or interpreter shutdown
            pass
