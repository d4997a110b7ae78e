"""The one place where mini-racer exceptions become statuses and stderr text."""

from __future__ import annotations

import re
from dataclasses import dataclass

import py_mini_racer
from py_mini_racer import _exc as mr_exc

from ..errors import RuntimeUnavailableError
from ..result import Status

GUEST_NAME = "main.js"


@dataclass(frozen=True)
class Outcome:
    status: Status
    stderr: str
    stopped_by: str | None = None


# Every exception class mini-racer defines, and what it means for a run. A test asserts that
# nothing in py_mini_racer is missing here. ``None`` means: a caller problem (raise).
_TABLE: dict[type[BaseException], tuple[Status | None, str | None]] = {
    mr_exc.JSTimeoutException: (Status.TIMEOUT, "v8-termination"),
    mr_exc.JSOOMException: (Status.MEMORY_LIMIT, "v8-heap-limit"),
    # Termination comes from our deadline or the heap monitor; the caller checks the heap flag.
    mr_exc.JSTerminatedException: (Status.TIMEOUT, "v8-termination"),
    mr_exc.JSParseException: (Status.COMPILE_ERROR, None),
    mr_exc.JSEvalException: (Status.ERROR, None),
    mr_exc.JSPromiseError: (Status.ERROR, None),
    # Host-side conversion and object-access errors: bugs of ours, never the guest's doing.
    mr_exc.JSKeyError: (Status.ERROR, "internal"),
    mr_exc.JSValueError: (Status.ERROR, "internal"),
    mr_exc.JSArrayIndexError: (Status.ERROR, "internal"),
    mr_exc.JSConversionException: (Status.ERROR, "internal"),
    mr_exc.WrongReturnTypeException: (Status.ERROR, "internal"),
    mr_exc.MiniRacerBaseException: (Status.ERROR, "internal"),
    py_mini_racer.LibNotFoundError: (None, None),
    py_mini_racer.LibAlreadyInitializedError: (None, None),
}


def mapped_classes() -> frozenset[type[BaseException]]:
    return frozenset(_TABLE)


def translate(exc: BaseException, code: str, *, line1_offset: int = 0, heap_limit_hit: bool = False,
              max_chars: int | None = None) -> Outcome:
    """Map an engine exception from running ``code`` to a status and Node-like stderr text.

    ``line1_offset`` is the number of characters the host put before the guest's first line
    (the top-level-await wrapper), subtracted from columns reported on line 1. ``max_chars``
    bounds the work on a huge message (the guest chooses it); the caller applies the exact cap.
    """
    for cls in type(exc).__mro__:
        if cls in _TABLE:
            status, layer = _TABLE[cls]
            break
    else:
        raise exc
    if status is None:
        raise RuntimeUnavailableError(f"the V8 engine (mini-racer) cannot be loaded: {exc}") from None
    if heap_limit_hit and status in (Status.TIMEOUT, Status.ERROR):
        status, layer = Status.MEMORY_LIMIT, "v8-heap-limit"
    if status is Status.TIMEOUT:
        return Outcome(status, "", layer)
    if status is Status.MEMORY_LIMIT:
        return Outcome(status, "FATAL ERROR: JavaScript heap limit reached\n", layer)
    if layer == "internal":
        return Outcome(Status.ERROR, f"sandboxes internal error: {type(exc).__name__}\n", "internal")
    prefix = "" if status is Status.COMPILE_ERROR else "Uncaught "
    msg = str(exc)
    if max_chars is not None and len(msg) > max_chars + 65536:
        msg = msg[:max_chars + 65536]
    return Outcome(status, format_engine_message(msg, code, prefix=prefix, line1_offset=line1_offset))


def format_engine_message(msg: str, code: str, *, prefix: str, line1_offset: int = 0) -> str:
    """Rewrite mini-racer's ``name:LINE: message / source line / caret / stack`` report.

    Output, like Node::

        main.js:3:7
        foo.bar()
              ^

        Uncaught TypeError: ...
            at f (main.js:3:7)
    """
    lines = msg.split("\n")
    head = lines[0]
    name, line_no, first = _split_head(head)
    if line_no is None:
        return prefix + msg.rstrip("\n") + "\n"
    if _raised_outside_guest(head, lines):
        return _report_at_guest_frame(lines, first, code, prefix=prefix, line1_offset=line1_offset)
    code_lines = _LINE_BREAKS.split(code)  # V8's line terminators, so its line numbers match
    src = code_lines[line_no - 1] if name == GUEST_NAME and 0 < line_no <= len(code_lines) else None
    # Find the source line + caret line that V8 printed after the (possibly multi-line) message.
    idx = None
    for i in range(1, len(lines) - 1):
        caret = lines[i + 1]
        if caret.strip() and set(caret.strip()) == {"^"} and (src is None or lines[i].endswith(src[-40:])):
            idx = i
            break
    if idx is None:
        # No source + caret pair found: keep the message, never the engine's frames of code
        # that is not the guest's (the host's calls, the prelude).
        message_lines = [first, *[ln for ln in lines[1:] if not ln.startswith("    at ") or GUEST_NAME in ln]]
        stack: list[str] = []
        col = None
        src_shown = None
        caret_line = None
    else:
        message_lines = [first, *lines[1:idx]]
        src_shown = lines[idx]
        caret_line = lines[idx + 1]
        col = len(caret_line) - len(caret_line.lstrip(" ")) + 1
        stack = [ln for ln in lines[idx + 2:] if ln.startswith("    at ")]
    if line_no == 1 and line1_offset and col is not None:
        col = max(1, col - line1_offset)
        if src_shown is not None and caret_line is not None:
            src_shown = src_shown[line1_offset:]
            caret_line = caret_line[line1_offset:]
    stack = [_fix_frame(s, line1_offset) for s in stack if not _host_frame(s)]
    message = "\n".join(message_lines).rstrip("\n")
    where = f"{name}:{line_no}" + (f":{col}" if col is not None else "")
    out = [where]
    if src_shown is not None and caret_line is not None and name == GUEST_NAME:
        out += [src_shown, caret_line]
    out += ["", prefix + message, *stack]
    return "\n".join(out) + "\n"


# Scripts that are not the guest's: the prelude, and the host's calls of its entry point.
_HOST_FILES = ("sandboxes-prelude.js", "sandboxes-host.js")
_GUEST_FRAME = re.compile(re.escape(GUEST_NAME) + r":(\d+):(\d+)")


def _host_frame(frame: str) -> bool:
    return any(f"{h}:" in frame for h in _HOST_FILES)


def _raised_outside_guest(head: str, lines: list[str]) -> bool:
    """Whether V8 located the error in host code: a builtin the prelude or a host call invoked
    (a timer's callback, a formatter's coercion) threw with no guest frame above it."""
    where = head.split(":", 1)[0]
    if where in _HOST_FILES:
        return True
    frames = [ln for ln in lines if ln.startswith("    at ") and "(<anonymous>)" not in ln]
    return where in ("undefined", "<anonymous>") and bool(frames) and _host_frame(frames[0])


def _report_at_guest_frame(lines: list[str], first: str, code: str, *, prefix: str, line1_offset: int) -> str:
    """Report an error raised inside host code where Node would: at the guest's innermost frame
    (when there is one), with the host's frames and source lines left out."""
    message = [first]
    for i in range(1, len(lines)):  # the message may span lines, up to the host's source + caret
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if lines[i].startswith("    at ") or (nxt.strip() and set(nxt.strip()) == {"^"}) or not lines[i]:
            break
        message.append(lines[i])
    frames = [_fix_frame(ln, line1_offset) for ln in lines if ln.startswith("    at ") and not _host_frame(ln)
              and "<anonymous>:" not in ln]
    out: list[str] = []
    for frame in frames:
        m = _GUEST_FRAME.search(frame)
        if m:
            line_no, col = int(m.group(1)), int(m.group(2))
            code_lines = _LINE_BREAKS.split(code)
            out.append(f"{GUEST_NAME}:{line_no}:{col}")
            if 0 < line_no <= len(code_lines):
                out += [code_lines[line_no - 1], " " * (col - 1) + "^"]
            out.append("")
            break
    out += [prefix + "\n".join(message).rstrip("\n"), *frames]
    return "\n".join(out) + "\n"


_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029]")


def _split_head(head: str) -> tuple[str, int | None, str]:
    """``main.js:3: TypeError: x`` -> (``main.js``, 3, ``TypeError: x``)."""
    parts = head.split(":", 2)
    if len(parts) == 3 and parts[1].isdigit():
        name = parts[0] if parts[0] not in ("<anonymous>", "undefined") else GUEST_NAME
        return name, int(parts[1]), parts[2].lstrip(" ")
    return GUEST_NAME, None, head


def _fix_frame(frame: str, line1_offset: int) -> str:
    """Adjust ``main.js:1:COL`` in a stack frame for the wrapper prefix on line 1."""
    if not line1_offset:
        return frame
    marker = f"{GUEST_NAME}:1:"
    i = frame.find(marker)
    if i < 0:
        return frame
    j = i + len(marker)
    k = j
    while k < len(frame) and frame[k].isdigit():
        k += 1
    if k == j:
        return frame
    col = max(1, int(frame[j:k]) - line1_offset)
    return frame[:j] + str(col) + frame[k:]
