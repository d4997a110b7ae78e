"""Every built-in the guest can reach has the shape it has in a bare V8: no wrapper shows.

The prelude replaces built-ins (constructors behind proxies, methods behind wrappers, its own
Function.prototype.toString). test262 checks what they do; this checks what they are, everywhere
at once: from the global object, every reachable object's prototype, extensibility, typeof,
``Function.prototype.toString`` text and constructor-ness, and every own property's attributes
and value (builtin_shape.js), compared line by line with the same walk in a bare MiniRacer of the
same V8. Needs no test262 checkout.

Left out, by name: the host APIs the prelude installs (console, print, readline, timers,
queueMicrotask, the Node-style shims), mini-racer's own globals, and the globals a policy denies. The host's entry point
(one non-enumerable ``__sandboxes_<hex>`` global, which the host calls through the global object)
is the one known difference and is checked to be the only one.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sandboxes import Sandbox, default_policy

HERE = Path(__file__).resolve().parent
HOST_APIS = ["console", "print", "readline", "setTimeout", "setInterval", "setImmediate", "clearTimeout",
             "clearInterval", "clearImmediate", "queueMicrotask", "__timer_manager",
             # the Node-style shims (tests/javascript/test_node_io.py)
             "process", "require", "module", "exports", "global", "performance",
             # the Web and Node globals (tests/javascript/test_node_globals.py)
             "atob", "btoa", "structuredClone", "TextEncoder", "TextDecoder", "URL", "URLSearchParams", "Buffer",
             "DOMException"]
ENTRY_POINT = "globalThis.__sandboxes_"


def walker(skip: list[str]) -> str:
    return (HERE / "builtin_shape.js").read_text(encoding="utf-8").replace("SKIP_JSON", json.dumps(json.dumps(skip)))


def denied(js_policy) -> list[str]:
    out = []
    if not js_policy.allow_shared_memory:
        out += ["SharedArrayBuffer", "Atomics"]
    if not js_policy.allow_wasm:
        out.append("WebAssembly")
    return out


def policy_with(**changes):
    p = default_policy()
    return dataclasses.replace(p, javascript=dataclasses.replace(p.javascript, **changes))


def native_shape(skip: list[str]) -> list[str]:
    """The walk in a bare MiniRacer, in a child process (V8 stays out of the test process)."""
    proc = subprocess.run([sys.executable, str(HERE / "native.py"), "--eval"], input=walker(skip),
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=True)
    return proc.stdout.split("\n")


def sandbox_shape(policy, skip: list[str]) -> list[str]:
    with Sandbox(policy) as sb:
        r = sb.run("javascript", f"print({walker(skip)});")
    assert r.status.value == "ok", r.stderr
    return r.stdout.rstrip("\n").split("\n")


@pytest.mark.parametrize("changes", [{}, {"allow_shared_memory": True}, {"allow_wasm": True}],
                         ids=["default", "shared-memory", "wasm"])
def test_builtins_look_native(changes):
    policy = policy_with(**changes)
    skip = HOST_APIS + denied(policy.javascript)
    native = native_shape(skip)
    sandbox = sandbox_shape(policy, skip)
    assert len(native) > 3000  # the walk really covered the built-ins
    entry = [ln for ln in sandbox if ln.startswith(ENTRY_POINT)]
    assert len({ln.split(" ", 1)[0].split(".")[1] for ln in entry}) <= 1  # at most one entry-point global
    only_native = sorted(set(native) - set(sandbox))
    only_sandbox = sorted(set(sandbox) - set(native) - set(entry))
    report = "\n".join(["only in bare V8:"] + only_native[:60] + ["only in the sandbox:"] + only_sandbox[:60])
    assert not only_native and not only_sandbox, report


def test_walk_sees_a_changed_builtin():
    """The comparison is not vacuous: a built-in changed the way a careless wrapper would is found."""
    skip = HOST_APIS + denied(default_policy().javascript)
    patch = ("const f = Array.prototype.fill; "
             "Object.defineProperty(Array.prototype, 'fill', {value: function fill(...a) { return f.apply(this, a); },"
             " writable: true, enumerable: false, configurable: true});\n")
    native = set(native_shape(skip))
    with Sandbox() as sb:
        r = sb.run("javascript", f"{patch}print({walker(skip)});")
    changed = set(r.stdout.rstrip("\n").split("\n")) - native
    assert any(ln.startswith("globalThis.Array.prototype.fill.length = ") for ln in changed)
    assert any(ln.startswith("globalThis.Array.prototype.fill | function") for ln in changed)
