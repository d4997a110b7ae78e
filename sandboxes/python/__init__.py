"""The Python runtime (RestrictedPython with this project's policy)."""

from .runtime import PythonRuntime

__all__ = ["PythonRuntime"]
