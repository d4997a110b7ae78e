"""Contexts start from V8's code cache of the prelude (sandboxes/javascript/_boot.py), and start
alike from it and from the prelude's source: the same globals, the same prelude frames in stacks,
the same Node stand-ins. A cache V8 rejects, or a boot that fails, leaves contexts starting from
source (a WARNING), never a broken run. Each case runs in a fresh interpreter: the cache is the
process's.
"""

from __future__ import annotations

import json

from tests.childproc import json_child

# What a guest can see of its context, and of the prelude's code (frames, errors, formatting).
PROBE = r"""
const names = Object.getOwnPropertyNames(globalThis).filter(k => !k.startsWith('__sandboxes_') || k.includes('boot'));
const shape = names.map(k => { const d = Object.getOwnPropertyDescriptor(globalThis, k);
  return [k, typeof d.value, !!d.writable, !!d.enumerable, !!d.configurable, typeof d.get]; });
let refused; try { require('child_process'); } catch (e) { refused = String(e.stack).split('\n').slice(0, 3).join('|'); }
let bad; try { Buffer.from(Symbol('s')); } catch (e) { bad = String(e.stack).split('\n').slice(0, 4).join('|'); }
const url = new (require('url').URL)('https://a.example/p?q=1#h');
console.log(JSON.stringify({ shape, refused, bad, url: [url.host, url.search, url.hash],
  modules: ['fs', 'readline', 'process', 'buffer', 'url'].map(m => Object.keys(require(m)).join()),
  hex: Buffer.from('h\u00e9\u{1f600}').toString('hex'), keys: Object.keys(require('fs')).length,
  stack: new Error('here').stack.split('\n').length, boot: names.filter(k => k.includes('boot')) }));
console.log([1, 2.5, 'a', null, undefined, { x: [true] }], Symbol('q'), 10n, -0);
console.log({ a: [1, 'x', new Map([[1, { b: new Set([2]) }]])], f() {}, d: new Date(0), e: new RangeError('r') });
setTimeout(() => { console.log('timer'); Promise.reject(new TypeError('late')); }, 0);
"""

CHILD = r"""
import json, logging, sys, time
logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
from sandboxes import default_policy
from sandboxes.javascript import JavaScriptRuntime, _boot, _engine

probe, mode = sys.argv[1], sys.argv[2]
_engine.ensure_v8()
out = {"status": _boot.status(), "cache_bytes": _boot.cache_size()}
if mode == "reject":
    _boot._cache = b"\0" * len(_boot._cache)  # same length, nothing V8 accepts
elif mode == "fail":
    def broken(self):
        raise RuntimeError("boot broken on purpose")
    _boot.Booter._boot = broken
rt = JavaScriptRuntime(default_policy().javascript)
limits = default_policy().javascript.limits
runs = []
for source in (False, True):
    if source:
        out["status_after"] = _boot.status()  # after the first context
        _boot._cache = None  # contexts from here on start from the prelude's source
    ctx = _engine.Context(allow_wasm=False, allow_shared_memory=False, max_output_bytes=1 << 20, memory_mb=64)
    try:
        r = rt._run_in(ctx, probe, "", limits, time.monotonic() + 10)
    finally:
        ctx.close()
    runs.append({"from_cache": ctx.from_cache, "status": str(r.status), "exit": r.exit_code,
                 "stdout": r.stdout, "stderr": r.stderr})
out["runs"] = runs
print(json.dumps([out]))
"""


def _child(mode: str) -> dict:
    (out,) = json_child(CHILD, PROBE, mode, timeout=120, what=f"boot probe ({mode})")
    return out


def _same_runs(out: dict) -> dict:
    cache, source = out["runs"]
    assert source["from_cache"] is False
    for key in ("status", "exit", "stdout", "stderr"):
        assert cache[key] == source[key], key
    first = json.loads(source["stdout"].splitlines()[0])
    assert first["boot"] == []  # nothing of the boot is left on the global object
    assert "sandboxes-prelude.js" not in source["stdout"] + source["stderr"]
    assert source["stdout"].splitlines()[-1] == "timer"
    assert source["exit"] == 1 and "TypeError: late" in source["stderr"]  # the rejection ends the run
    return cache


def test_contexts_start_from_the_code_cache_and_as_from_source():
    out = _child("cache")
    assert out["status"] == "code cache" and out["cache_bytes"] > 10_000
    cache = _same_runs(out)
    assert cache["from_cache"] is True
    assert out["status_after"] == "code cache"


def test_a_rejected_cache_leaves_contexts_starting_from_source():
    out = _child("reject")
    cache = _same_runs(out)
    assert cache["from_cache"] is False  # V8 compiled the source instead
    assert out["status_after"].startswith("from source: V8 rejected")


def test_a_failed_boot_starts_the_context_again_from_source():
    out = _child("fail")
    cache = _same_runs(out)
    assert cache["from_cache"] is False
    assert "boot broken on purpose" in out["status_after"]


def test_runs_in_both_isolations_see_nothing_of_the_boot(js_both):
    r = js_both("console.log(Object.getOwnPropertyNames(globalThis).filter(k => k.includes('boot')).length,"
                " typeof __sandboxes_boot_callback, typeof __sandboxes_boot_prelude)")
    assert r.ok and r.stdout == "0 undefined undefined\n", r


def test_the_prelude_is_ascii():
    """Its source becomes a V8 string by a copy (``String::NewFromOneByte``), not a UTF-8 decode
    into a two-byte string of twice the size (0.4 ms of a context's 3.5 ms); characters beyond
    ASCII are written as escapes."""
    from importlib import resources

    text = resources.files("sandboxes.javascript").joinpath("prelude.js").read_text("utf-8")
    assert text.isascii(), [ln for ln in text.splitlines() if not ln.isascii()][:3]


def test_console_table_draws_its_box(js_both):
    r = js_both("console.table([{ a: 1 }])")
    assert r.ok and r.stdout.splitlines()[0].startswith("\u250c\u2500") and "\u2502" in r.stdout, r
