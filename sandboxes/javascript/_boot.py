"""The prelude from V8's code cache: a fresh context starts without parsing 3,400 lines again.

Every run gets a fresh isolate, and mini-racer's ``eval`` compiles what it is given from scratch:
the prelude's 166 kB were scanned, pre-parsed and compiled in every context (about half of a
fresh context's CPU time), and the functions its top level and the pool's ``warm`` call run were
compiled once more on their first call. V8 can serialize a compiled script (its bytecode, with
every function compiled so far) and start another isolate's copy from those bytes: its *code
cache*. mini-racer 0.14's C API offers none of that (``mr_eval`` only), but its library exports
V8's C++ API; as ``_rejections`` does, this module makes a handful of those calls, on the exact V8
build they are written for (the one ``_rejections`` checks), and otherwise nothing: the prelude is
then evaluated from its source as before (one WARNING; ``status()`` says why).

How a context boots (``Booter``, from ``_engine.Context``):

1. The host makes a JavaScript function with ``mr_make_js_callback`` and puts it on the global
   object under ``CALLBACK_KEY``; its calls reach Python synchronously, on the isolate's thread,
   with the context entered and a handle scope open (mini-racer's ``OnCalledStatic``).
2. One script (the host's, ``boot_script``) takes the function off the global object and calls it.
   In that call, ``ScriptCompiler::Compile`` compiles the prelude's source (the text of
   ``prelude.js`` and its ``sourceURL``, the same bytes in every context) with the process's code
   cache (``kConsumeCodeCache``), ``Script::Run`` evaluates it to the prelude's function, which is
   stored on the global object under ``FUNCTION_KEY``; the script takes it off and calls it with
   the context's token, secret and configuration, and returns the output buffer as before.
3. Nothing of this remains: both properties are deleted before the prelude's function runs (no
   guest code has run yet), the callback answers once per context and ignores any later call.

The cache is made once per process, in the first context (``_engine.ensure_v8``, before any
caller or pool thread exists; in a worker, before confinement): the prelude compiled from its
source, called, ``warm``-ed, then ``ScriptCompiler::CreateCodeCache``. It holds only what V8
compiled from the prelude's text in a context no guest code ever ran in; V8 checks it against its
version, flags and the source's length, and a cache it rejects is compiled from source instead
(``rejected`` set: the cache is then not used again, and a WARNING says so). Semantics are V8's
own: the same bytecode a compile from source gives.

ABI notes (x86-64/arm64 Linux): ``Local<T>`` and ``MaybeLocal<T>`` are one pointer in a register;
``ScriptCompiler::Source`` is a class whose constructors are inline, laid out here by hand
(``_Source``: its members in declaration order, and spare room after them for members this
build may add at the end, which V8 only writes); ``CachedData`` is a plain struct. ``Compile``
and ``Run`` are called with the interpreter lock released (they take a millisecond or two, and
the pool's thread calls them while a run goes on in another thread).
"""

from __future__ import annotations

import ctypes
import logging
import threading
from typing import Any

from . import _rejections

log = logging.getLogger("sandboxes")

CALLBACK_ID = (1 << 48) + 0x5B  # mini-racer numbers its own callbacks from 1 up
CALLBACK_KEY = "__sandboxes_boot_callback"
FUNCTION_KEY = "__sandboxes_boot_prelude"


def boot_script(args: str, name: str) -> str:
    """The host's script: the prelude's function, called as the prelude's source used to call itself."""
    return (f"(function () {{ const g = this; const cb = g.{CALLBACK_KEY}; delete g.{CALLBACK_KEY}; cb();"
            f" const f = g.{FUNCTION_KEY}; delete g.{FUNCTION_KEY}; return f({args}); }})()\n//# sourceURL={name}\n")


K_CONSUME_CODE_CACHE = 1  # v8::ScriptCompiler::kConsumeCodeCache
K_NORMAL = 0  # v8::NewStringType::kNormal

_p = ctypes.c_void_p
# name: (mangled symbol, restype, argtypes, releases the interpreter lock)
_SYMBOLS: dict[str, tuple[str, Any, tuple[Any, ...], bool]] = {
    "get_current": ("_ZN2v87Isolate10GetCurrentEv", _p, (), False),
    "current_context": ("_ZN2v87Isolate17GetCurrentContextEv", _p, (_p,), False),
    "new_string": ("_ZN2v86String11NewFromUtf8EPNS_7IsolateEPKcNS_13NewStringTypeEi", _p,
                   (_p, _p, ctypes.c_int, ctypes.c_int), False),
    "new_one_byte": ("_ZN2v86String14NewFromOneByteEPNS_7IsolateEPKhNS_13NewStringTypeEi", _p,
                     (_p, _p, ctypes.c_int, ctypes.c_int), False),
    "compile": ("_ZN2v814ScriptCompiler7CompileENS_5LocalINS_7ContextEEEPNS0_6SourceENS0_14CompileOptions"
                "ENS0_13NoCacheReasonE", _p, (_p, _p, ctypes.c_int, ctypes.c_int), True),
    "run": ("_ZN2v86Script3RunENS_5LocalINS_7ContextEEE", _p, (_p, _p), True),
    "unbound": ("_ZN2v86Script16GetUnboundScriptEv", _p, (_p,), False),
    "create_cache": ("_ZN2v814ScriptCompiler15CreateCodeCacheENS_5LocalINS_13UnboundScriptEEE", _p, (_p,), True),
    "global_object": ("_ZN2v87Context6GlobalEv", _p, (_p,), False),
    "set": ("_ZN2v86Object3SetENS_5LocalINS_7ContextEEENS1_INS_5ValueEEES5_", ctypes.c_uint16,
            (_p, _p, _p, _p), False),
    "globalize": ("_ZN2v812api_internal18GlobalizeReferenceEPNS_8internal7IsolateEm", _p,
                  (_p, ctypes.c_uint64), False),
}


class _CachedData(ctypes.Structure):
    """v8::ScriptCompiler::CachedData: data, length, rejected, buffer_policy (0: not owned)."""

    _fields_ = (("data", _p), ("length", ctypes.c_int), ("rejected", ctypes.c_bool), ("buffer_policy", ctypes.c_int))


class _Source(ctypes.Structure):
    """v8::ScriptCompiler::Source (no origin: the script is named by its sourceURL comment)."""

    _fields_ = (("source_string", _p), ("resource_name", _p), ("resource_line_offset", ctypes.c_int),
                ("resource_column_offset", ctypes.c_int), ("resource_options", ctypes.c_int),
                ("source_map_url", _p), ("host_defined_options", _p), ("cached_data", _p),
                ("consume_cache_task", _p), ("compile_hint_callback", _p), ("compile_hint_callback_data", _p),
                ("spare", ctypes.c_uint64 * 32))


_lock = threading.Lock()
_api: Any = None  # the functions once checked; False: unavailable
_unavailable = ""
_source = b""  # the prelude's source as compiled (UTF-8), the same in every context
_source_ascii = False
_cache: bytes | None = None  # the code cache (None: not made yet or not used)


class _Api:
    pass


def _load() -> Any:
    """The functions, or False after saying once why not. The V8 build and the platform are the
    ones ``_rejections`` checks (same ABI, same library): no C++ call is made here without them."""
    global _api, _unavailable
    if _api is not None:
        return _api
    from py_mini_racer import _dll

    if _dll._dll_handle is None:
        return False  # V8 is not started: decided later
    usable = _rejections.available()
    with _lock:
        if _api is not None:
            return _api
        try:
            if not usable:
                raise RuntimeError("V8's C++ API is not used in this process (see javascript_unhandled_rejections "
                                   "in `sandboxes doctor`)")
            dll = _dll._dll_handle
            api = _Api()
            for name, (symbol, restype, argtypes, releases) in _SYMBOLS.items():
                try:
                    address = ctypes.cast(getattr(dll, symbol), _p).value
                except AttributeError:
                    raise RuntimeError(f"the V8 library does not export {symbol}") from None
                kind = ctypes.CFUNCTYPE if releases else ctypes.PYFUNCTYPE
                setattr(api, name, kind(restype, *argtypes)(address))
            api.make_callback = dll.mr_make_js_callback
            api.set_item = dll.mr_set_object_item
        except Exception as e:  # noqa: BLE001 - whatever it is, contexts start from source
            _unavailable = str(e)
            _api = False
            log.warning("JavaScript: contexts start from the prelude's source (no code cache): %s", _unavailable)
            return _api
        _api = api
        return _api


def set_source(text: str, name: str) -> None:
    """The prelude's text and the name its frames carry; set once, before any ``Booter``."""
    global _source, _source_ascii
    _source = f"{text}\n//# sourceURL={name}\n".encode("utf-8")
    _source_ascii = _source.isascii()


def available() -> bool:
    return bool(_load())


def usable(produce: bool) -> bool:
    """Whether a context boots through here: the first one (to make the cache), or with the cache."""
    return bool(_load()) and (produce or _cache is not None)


def status() -> str:
    """How contexts start (for diagnostics)."""
    if not _load():
        return f"from source: {_unavailable}" if _unavailable else "from source: V8 not started"
    return "code cache" if _cache is not None else f"from source: {_unavailable or 'no code cache made yet'}"


def disable(reason: str) -> None:
    """Stop using the fast path in this process (one WARNING)."""
    global _api, _unavailable, _cache
    with _lock:
        if _api is False:
            return
        _api, _unavailable, _cache = False, reason, None
    log.warning("JavaScript: contexts start from the prelude's source (no code cache): %s", reason)


class Booter:
    """One context's boot: the callback its ``boot_script`` calls, and what that call did.

    ``produce``: compile from source and keep the script, for ``make_cache`` (the process's first
    context); otherwise compile with the cache when there is one.
    """

    def __init__(self, native: Any, *, produce: bool = False) -> None:
        self.native = native
        self.produce = produce
        self.calls = 0
        self.rejected = False
        self.error: str | None = None
        self._script = 0  # a V8 global handle of the compiled script (produce only)
        self._cached: Any = None  # the CachedData handed to Compile, and its buffer (kept alive)
        self._global: Any = None
        self._function: Any = None

    def install(self) -> None:
        """Make the callback and put it on the global object (calls on the isolate's thread)."""
        api = _api
        c = self.native
        handle = c._python_to_value_handle("(function () { return this; })()")
        c._dll.mr_eval(c._ctx, handle.raw, 0)  # the context's first call: nothing is queued before it
        self._global = c._non_cancelable_mr_task_results_queue.get(timeout=30.0)
        self._function = c._wrap_raw_handle(api.make_callback(c._ctx, CALLBACK_ID))
        self._publish()

    def _publish(self) -> None:
        c = self.native
        key = c._python_to_value_handle(CALLBACK_KEY)
        c._wrap_raw_handle(_api.set_item(c._ctx, self._global.raw, key.raw, self._function.raw))

    def on_call(self) -> None:
        """On the isolate's thread, inside a call of the callback: the first boots, a second one
        (``make_cache``) serializes; any other is ignored."""
        self.calls += 1
        try:
            if self.calls == 1:
                self._boot()
            elif self.calls == 2 and self.produce:
                self._serialize()
        except Exception as e:  # noqa: BLE001 - nothing may unwind into V8; the host falls back
            self.error = f"{type(e).__name__}: {e}"

    def _boot(self) -> None:
        api = _api
        isolate = api.get_current()
        context = api.current_context(isolate)
        if not isolate or not context:
            raise RuntimeError("no entered context")
        # An ASCII source is copied as it is (Latin-1); UTF-8 would be decoded, and made two-byte.
        make = api.new_one_byte if _source_ascii else api.new_string
        text = make(isolate, _source, K_NORMAL, len(_source))
        if not text:
            raise RuntimeError("the prelude's source did not become a V8 string")
        source = _Source()
        source.source_string = text
        options = 0
        cache = None if self.produce else _cache
        if cache is not None:
            self._cached = (_CachedData(ctypes.cast(cache, _p), len(cache), False, 0), cache)
            source.cached_data = ctypes.addressof(self._cached[0])
            options = K_CONSUME_CODE_CACHE
        script = api.compile(context, ctypes.byref(source), options, 0)
        if cache is not None:
            self.rejected = bool(self._cached[0].rejected)
        if not script:
            return  # a compile error is pending: it reaches the boot script
        if self.produce:
            self._script = int(api.globalize(isolate, ctypes.c_uint64.from_address(script).value) or 0)
        value = api.run(script, context)
        if not value:
            return  # the prelude threw: its exception reaches the boot script
        key = api.new_string(isolate, FUNCTION_KEY.encode(), K_NORMAL, len(FUNCTION_KEY))
        if not key or api.set(api.global_object(context), context, key, value) & 0xFF != 1:
            raise RuntimeError("the prelude's function could not be stored")

    def make_cache(self, eval_: Any) -> None:
        """After the first context's prelude and ``warm``: its code cache, for every later context.
        ``eval_(code)`` evaluates a host script in this context."""
        self._publish()
        eval_(f"(function () {{ const g = this; const cb = g.{CALLBACK_KEY}; delete g.{CALLBACK_KEY}; cb(); }})()")
        if self.error:
            raise RuntimeError(self.error)
        if _cache is None:
            raise RuntimeError("V8 made no code cache of the prelude")

    def _serialize(self) -> None:
        global _cache
        if not self._script:
            raise RuntimeError("the prelude was not compiled here")
        api = _api
        data = api.create_cache(api.unbound(self._script))
        if not data:
            raise RuntimeError("V8 made no code cache of the prelude")
        made = _CachedData.from_address(data)
        # The CachedData is left allocated: once per process, and V8's allocator owns it.
        _cache = ctypes.string_at(made.data, made.length)


def cache_size() -> int:
    """Bytes of the process's code cache (0: none)."""
    return len(_cache) if _cache is not None else 0
