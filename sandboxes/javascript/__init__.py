"""The JavaScript runtime: a fresh V8 isolate per run (PyPI ``mini-racer``), pure V8, no Node APIs."""

from ._runtime import JavaScriptRuntime

__all__ = ["JavaScriptRuntime"]
