"""Unhandled promise rejections: V8's PromiseRejectCallback, set through mini-racer's library.

Node ends a program whose promise is rejected with no handler by the time the microtask queue
drains (exit 1, the error on stderr). Only V8 knows when that happens: an async function's
implicit promise never passes through any JavaScript the prelude could wrap. mini-racer 0.14's C
API has no call for it, but its library exports V8's C++ API, so the callback is set through
that, with a handful of calls whose ABI is fixed by the exact V8 build checked first
(``SUPPORTED_V8``); on any other build, or if a symbol is missing, nothing is called, the feature
is off (one WARNING; ``status()`` says why) and runs behave as they did without it.

Per isolate (each runs on a thread of its own, mini-racer's message pump):

* **Installing.** ``v8::Isolate::SetPromiseRejectCallback`` needs the ``Isolate*``, which only
  ``v8::Isolate::GetCurrent()`` on the isolate's thread gives. mini-racer hands every eval's
  result to Python on that thread (the pump keeps the isolate entered for its whole life), so the
  engine hooks one delivery (``_engine._install_rejection_callback``) and ``install`` runs there.
* **The inbox.** V8 calls the callback on the isolate's thread, from the runtime function that
  rejected a promise or added a handler to a rejected one, in a HandleScope of its own. The
  callback runs no JavaScript: it appends ``promise, reason, id`` (Node's rejection id; ``promise,
  inbox, inbox`` for a handler added later) to an array of the prelude's with ``Object::Set``. A
  handler added to the newest or oldest rejection not yet read drops that entry instead (its
  promise slot becomes the inbox), as Node deletes a handled promise from its pending map at
  once: a loop of rejections handled at once inside one microtask drain holds nothing. The array
  has no prototype, no accessor, and no guest code can reach it, so the stores and reads run
  nothing and cannot throw. The
  prelude's first rejection after installing hands it over (its reason *is* the array), before
  any guest code runs; the callback keeps it, and the context, as V8 global handles (disposed
  with the isolate).
* **Deciding** is the prelude's, where Node decides: once a macrotask's microtasks have drained
  (prelude.js, ``processRejections``).

Only ``kPromiseRejectWithNoHandler`` and ``kPromiseHandlerAddedAfterReject`` are recorded. The
callback holds the GIL throughout (``PYFUNCTYPE``: no call in between releases it). Handles are
checked to be indirect (the address of a slot, 8-aligned, not a tagged object address) before
any is kept, as the global handles and the stores rely on it.

Cost: a ctypes callback from a thread Python did not start creates and destroys a Python thread
state each time (an mmap of its frame stack among it: 20 µs). ``install`` therefore keeps one
thread state for the isolate's thread for the isolate's life (one ``PyGILState_Ensure`` never
matched on that thread); ``forget`` deletes it once the isolate and its thread are gone.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading
from typing import Any

log = logging.getLogger("sandboxes")

# The V8 build whose C++ ABI the calls below are written for (mini-racer 0.14.1's).
SUPPORTED_V8 = "14.4.258.23"
NO_HANDLER = 0  # v8::kPromiseRejectWithNoHandler
HANDLER_ADDED = 1  # v8::kPromiseHandlerAddedAfterReject
ENTRY = 3  # slots of an inbox entry: promise, reason (the inbox: a handler added), rejection id

_p = ctypes.c_void_p
# name: (mangled symbol, restype, argtypes). Members take `this` first; Local<T> is one pointer,
# passed and returned in a register (trivially copyable: V8's own static asserts).
_SYMBOLS: dict[str, tuple[str, Any, tuple[Any, ...]]] = {
    "get_current": ("_ZN2v87Isolate10GetCurrentEv", _p, ()),
    "set_callback": ("_ZN2v87Isolate24SetPromiseRejectCallbackEPFvNS_20PromiseRejectMessageEE", None, (_p, _p)),
    "current_context": ("_ZN2v87Isolate17GetCurrentContextEv", _p, (_p,)),
    "globalize": ("_ZN2v812api_internal18GlobalizeReferenceEPNS_8internal7IsolateEm", _p, (_p, ctypes.c_uint64)),
    "is_array": ("_ZNK2v85Value7IsArrayEv", ctypes.c_bool, (_p,)),
    "array_length": ("_ZNK2v85Array6LengthEv", ctypes.c_uint32, (_p,)),
    "set_index": ("_ZN2v86Object3SetENS_5LocalINS_7ContextEEEjNS1_INS_5ValueEEE", ctypes.c_uint16,
                  (_p, _p, ctypes.c_uint32, _p)),
    "get_index": ("_ZN2v86Object3GetENS_5LocalINS_7ContextEEEj", _p, (_p, _p, ctypes.c_uint32)),
    "strict_equals": ("_ZNK2v85Value12StrictEqualsENS_5LocalIS0_EE", ctypes.c_bool, (_p, _p)),
    "integer": ("_ZN2v87Integer3NewEPNS_7IsolateEi", _p, (_p, ctypes.c_int32)),
}


class _Message(ctypes.Structure):
    """v8::PromiseRejectMessage, passed by value: Local<Promise>, PromiseRejectEvent, Local<Value>."""

    _fields_ = (("promise", _p), ("event", ctypes.c_int), ("value", _p))


_CALLBACK_TYPE = ctypes.CFUNCTYPE(None, _Message)


class Tracker:
    """One isolate's state: its thread's kept Python thread state, then its inbox and context."""

    __slots__ = ("isolate", "thread_state", "tid", "pid", "inbox", "context", "head", "top", "rejections")

    def __init__(self, isolate: int, thread_state: int) -> None:
        self.isolate = isolate
        self.thread_state = thread_state
        self.tid = threading.get_native_id()  # the isolate's thread (install runs on it)
        self.pid = os.getpid()
        self.inbox = 0  # V8 global handles (slot addresses), once the prelude has handed its inbox over
        self.context = 0
        # The inbox's entries (of ENTRY slots) not yet read by the prelude that still count:
        # [head, top); every other entry up to its length is a dropped one (its promise is the inbox).
        self.head = 0
        self.top = 0
        self.rejections = 0  # kPromiseRejectWithNoHandler events so far: Node's rejection ids

    @property
    def ready(self) -> bool:
        return bool(self.inbox)


_lock = threading.Lock()
_api: Any = None  # the functions above once checked; False: unavailable
_unavailable = ""  # why, when unavailable
_callback: Any = None  # the ctypes closure V8 calls (kept alive here)
_here = threading.local()  # on an isolate's thread (its kept thread state): .tracker


class _Api:
    pass


def _load() -> Any:
    """The V8 functions, or False after saying once why not."""
    global _api, _unavailable, _callback
    if _api is not None:
        return _api
    with _lock:
        if _api is not None:
            return _api
        from py_mini_racer import _dll

        dll = _dll._dll_handle
        if dll is None:
            return False  # not decided before V8 is started (_engine.ensure_v8 asks then)
        try:
            version = dll.mr_v8_version().decode("utf-8", "replace")
            if version != SUPPORTED_V8:
                raise RuntimeError(f"V8 {version} is not the build these calls are written for ({SUPPORTED_V8})")
            if sys.implementation.name != "cpython" or sys.platform != "linux" or _TGKILL is None:
                raise RuntimeError("only CPython on x86-64 or arm64 Linux is supported")
            api = _Api()
            for name, (symbol, restype, argtypes) in _SYMBOLS.items():
                try:
                    address = ctypes.cast(getattr(dll, symbol), _p).value
                except AttributeError:
                    raise RuntimeError(f"the V8 library does not export {symbol}") from None
                setattr(api, name, ctypes.PYFUNCTYPE(restype, *argtypes)(address))
            api.ensure = ctypes.pythonapi.PyGILState_Ensure
            api.ensure.restype = ctypes.c_int
            api.this_thread_state = ctypes.pythonapi.PyThreadState_Get
            api.this_thread_state.restype = _p
            api.clear_thread_state = ctypes.pythonapi.PyThreadState_Clear
            api.clear_thread_state.argtypes = (_p,)
            api.delete_thread_state = ctypes.pythonapi.PyThreadState_Delete
            api.delete_thread_state.argtypes = (_p,)
            _callback = _CALLBACK_TYPE(_on_reject)
            _thread_alive(threading.get_native_id())  # loads libc now (a confined worker cannot later)
        except Exception as e:  # noqa: BLE001 - whatever it is, the runs go on without the feature
            _unavailable = str(e)
            _api = False
            log.warning("JavaScript: unhandled promise rejections are not detected (runs go on as if they "
                        "were handled): %s", _unavailable)
            return _api
        _api = api
        return _api


def available() -> bool:
    return bool(_load())


def status() -> str:
    """Whether unhandled rejections end a run, and if not, why (for diagnostics). Starts V8."""
    from ._engine import ensure_v8

    try:
        ensure_v8()
    except Exception as e:  # noqa: BLE001 - a diagnostic: say why, never fail the report
        return f"unavailable: V8 did not start: {e}"
    return f"ok: V8 {SUPPORTED_V8}" if _load() else f"unavailable: {_unavailable}"


def install() -> Tracker | None:
    """On an isolate's thread, inside mini-racer's delivery of a result: set the callback.

    Must run in a ctypes callback (Python holds the GIL on a thread state ctypes made for this
    call): the extra ``PyGILState_Ensure`` keeps that thread state after the call returns.
    """
    api = _load()
    if not api:
        return None
    isolate = api.get_current()
    if not isolate:
        return None
    api.ensure()
    tracker = Tracker(int(isolate), int(api.this_thread_state()))
    _here.tracker = tracker
    api.set_callback(isolate, ctypes.cast(_callback, _p))
    return tracker


def forget(tracker: Tracker) -> None:
    """After the isolate is disposed: delete the thread state its thread kept, once that thread
    has ended.

    mini-racer usually joins the isolate's thread before its free call returns, but not when
    another thread holds the context at that moment (a concurrent cancel finishes the teardown):
    a thread still alive keeps its state (a few KiB) rather than find it freed, until a later
    forget finds that thread gone. Nothing is
    deleted in a process forked since (the child has already deleted every other thread's
    state) nor while the interpreter finalizes.
    """
    api = _api
    state, tracker.thread_state = tracker.thread_state, 0
    if not api or not state or tracker.pid != os.getpid() or sys.is_finalizing():
        return
    with _orphans_lock:
        pending, _orphans[:] = [*_orphans, (tracker.tid, state)], []
    for tid, st in pending:  # this one, and those whose thread was still alive at an earlier forget
        if _thread_alive(tid):
            with _orphans_lock:
                _orphans.append((tid, st))
        else:
            api.clear_thread_state(st)
            api.delete_thread_state(st)


# (thread id, thread state) kept because the thread was alive at its forget(): deleted at a later one.
_orphans: list[tuple[int, int]] = []
_orphans_lock = threading.Lock()


def _forget_orphans_in_child() -> None:
    _orphans.clear()  # the child has already deleted every other thread's state


os.register_at_fork(after_in_child=_forget_orphans_in_child)


_TGKILL = {"x86_64": 234, "aarch64": 131}.get(os.uname().machine)
_libc: Any = None


def _thread_alive(tid: int) -> bool:
    """Whether thread ``tid`` of this process exists (``tgkill(pid, tid, 0)``; unsure: True)."""
    global _libc
    if _TGKILL is None:
        return True
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    if _libc.syscall(_TGKILL, os.getpid(), tid, 0) == 0:
        return True
    return ctypes.get_errno() != 3  # ESRCH: no such thread


def _on_reject(message: _Message) -> None:
    try:
        tracker = getattr(_here, "tracker", None)
        if tracker is None:
            return
        event = message.event
        promise = message.promise
        # An indirect handle is the address of a slot (8-aligned); a direct one would be a tagged
        # object address (odd) that a moving GC does not update where Python keeps it.
        if not promise or promise & 7:
            return
        api = _api
        value = message.value
        if not tracker.inbox:
            # The prelude's hand-over: the first rejection after installing, with the inbox as reason.
            if event != NO_HANDLER or not value or value & 7 or not api.is_array(value):
                return
            context = api.current_context(tracker.isolate)
            if not context or context & 7:
                return
            tracker.context = int(api.globalize(tracker.isolate, ctypes.c_uint64.from_address(context).value) or 0)
            if tracker.context:
                tracker.inbox = int(api.globalize(tracker.isolate, ctypes.c_uint64.from_address(value).value) or 0)
            return
        if event == NO_HANDLER:
            if not value or value & 7:
                return
        elif event != HANDLER_ADDED:
            return
        inbox, context = tracker.inbox, tracker.context
        n = api.array_length(inbox)
        if n < ENTRY * tracker.top:  # the prelude has read the inbox and emptied it
            tracker.head = tracker.top = 0
        if event == NO_HANDLER:
            tracker.rejections = (tracker.rejections + 1) & 0x7FFFFFFF
            uid = api.integer(tracker.isolate, tracker.rejections)
            if not uid:
                return
        else:
            if _forget_pending(api, tracker, promise):
                return
            value = uid = inbox  # the marker of this event: the inbox itself, which no guest has
        if n < 0xFFFF0000:
            at = ENTRY * tracker.top
            api.set_index(inbox, context, at, promise)
            api.set_index(inbox, context, at + 1, value)
            api.set_index(inbox, context, at + 2, uid)
            tracker.top += 1
    except BaseException:  # noqa: BLE001 - nothing may unwind into V8
        return


def _forget_pending(api: Any, tracker: Tracker, promise: int) -> bool:
    """A handler added to a promise whose rejection the inbox holds unread: drop that entry, as
    Node deletes it from its pending map, so that rejections handled at once are not held
    (with their reasons) until the microtasks drain; an async loop of ``try { await f() }
    catch {}`` never lets them. Only the newest and the oldest pending entry are looked at (a
    rejection handled at once; ``Promise.all`` handling its members in order), so the pending
    entries stay one run [head, top); a dropped entry's promise becomes the inbox, which the
    prelude skips (its rejection id stays used, as in Node). True when dropped."""
    inbox, context = tracker.inbox, tracker.context
    if tracker.top == tracker.head:
        return False
    for k in (tracker.top - 1, tracker.head):
        held = api.get_index(inbox, context, ENTRY * k)
        if not held or not api.strict_equals(held, promise):
            continue
        api.set_index(inbox, context, ENTRY * k, inbox)
        if k == tracker.top - 1:
            tracker.top -= 1  # (its reason is overwritten by the next entry)
        else:
            api.set_index(inbox, context, ENTRY * k + 1, inbox)
            tracker.head += 1
        if tracker.head == tracker.top:
            tracker.head = tracker.top = 0
        return True
    return False
