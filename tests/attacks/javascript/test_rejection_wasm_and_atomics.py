# Tries: rejections that V8 makes outside any JavaScript frame, from its own background tasks:
# WebAssembly.compile/instantiate of bad bytes (the promise is rejected by a task the platform
# posts back to the isolate's thread, where the host's PromiseRejectCallback then runs with no
# guest frame below it), and Atomics.waitAsync promises that settle from a timeout task, with
# allow_wasm and allow_shared_memory on. Modelled on V8's async-compile reject path
# (AsyncCompileJob::AsyncCompileFailed rejects through the embedder's task runner) and the
# Atomics.waitAsync tasks of the same platform; checked against node 20 (stdout, exit code).
# Before the fix a rejection made in a waitAsync resolution that Atomics.notify queued was never
# looked at: the run ended (exit 0) when the prelude had nothing pending.
import dataclasses

import pytest

from sandboxes import Sandbox, default_policy
from tests.javascript.rejectionhelp import NODE, run_in_node

pytestmark = pytest.mark.skipif(NODE is None, reason="node not installed")

WASM_HEADER = "new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])"
CASES = {
    "compile_bad": "WebAssembly.compile(new Uint8Array([0, 1, 2, 3])); console.log('a')",
    "instantiate": f"WebAssembly.instantiate({WASM_HEADER}).then(r => console.log(typeof r.instance))",
    "instantiate_bad_handled": ("WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 2, 0, 0, 0]))\n"
                                "  .catch(e => console.log(e.name))"),
    "instantiate_unhandled": "WebAssembly.instantiate(new Uint8Array([1]))",
    "rejected_after_instantiate": (f"WebAssembly.instantiate({WASM_HEADER})\n"
                                   "  .then(() => { console.log('in'); throw new RangeError('after') })"),
    "wait_async": ("const ia = new Int32Array(new SharedArrayBuffer(16)); const r = Atomics.waitAsync(ia, 0, 0, 5)\n"
                   "console.log(r.async); r.value.then(v => Promise.reject(new Error(v)))"),
    "wait_async_notified": ("const ia = new Int32Array(new SharedArrayBuffer(16))\n"
                            "const r = Atomics.waitAsync(ia, 0, 0)\n"
                            "r.value.then(v => { console.log(v); throw new Error('woken') }); Atomics.notify(ia, 0)"),
}


@pytest.fixture(scope="module", params=["worker", "inprocess"])
def sb(request):
    p = default_policy()
    js = dataclasses.replace(p.javascript, isolation=request.param, allow_wasm=True, allow_shared_memory=True)
    with Sandbox(dataclasses.replace(p, javascript=js)) as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def native(tmp_path_factory):
    return run_in_node(tmp_path_factory.mktemp("node"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_as_node(sb, native, name):
    r = sb.run("js", CASES[name], timeout=10)
    n = native[name]
    assert (r.stdout, r.exit_code) == (n.stdout, n.returncode), (r.stdout, r.stderr, n.stderr)
    r = sb.run("js", "Promise.reject(new Error('next'))")
    assert r.exit_code == 1 and "Uncaught Error: next" in r.stderr
