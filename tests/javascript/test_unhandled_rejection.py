"""Unhandled promise rejections end the run as Node does (issue 13): exit 1, the error on stderr.

Each case runs in the sandbox, in both isolations, and in native node (20, whose default is
``--unhandled-rejections=throw``): stdout and the exit code are compared byte for byte, and the
error line of our report (``Uncaught <name>: <message>``, as every uncaught error of ours is
reported) against node's. Node decides once the microtask queue has drained after each
macrotask (the script, a timer, an I/O callback), so a rejection handled later in the same drain
is fine and one handled in a later timer is not.
"""

import re
import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.javascript.rejectionhelp import python_thread_states

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node not installed")

LONG = "a" * 140
CASES = {
    "async_main_throws": "async function main() { throw new Error('boom') }\n"
                         "main(); console.log('after')\n",
    "promise_reject": "Promise.reject(new Error('x'))\nconsole.log('a')\n",
    "executor_reject": "new Promise((_, reject) => reject(1))\n",
    "throw_in_then": "Promise.resolve(1).then(v => { throw new TypeError('in then ' + v) })\n",
    "handled_same_tick": "const p = Promise.reject(1); p.catch(e => console.log('caught', e))\n",
    "awaited_later_in_same_drain": (
        "const p = Promise.reject(new Error('late'));\n"
        "(async () => { await null; await null; try { await p } catch (e) { console.log('got', e.message) } })()\n"),
    "handled_in_a_later_timer": "const p = Promise.reject(1)\n"
                                "setTimeout(() => p.catch(() => console.log('too late')), 0)\n",
    "rejection_in_a_timer": (
        "setTimeout(() => { console.log('t1'); Promise.reject(new RangeError('in timer')) }, 1)\n"
        "setTimeout(() => console.log('t2 never'), 30)\n"),
    "rejection_in_a_stdin_callback": (
        "process.stdin.on('data', d => { Promise.reject(new Error('bad ' + d.toString().trim())) })\n"),
    "rejection_then_exit": "Promise.reject(new Error('x')); console.log('bye'); process.exit(0)\n",
    "exit_code_and_rejection": "process.exitCode = 3; Promise.reject(new Error('y'))\n",
    "sync_throw_is_the_report": "Promise.reject(new Error('async one'))\nthrow new Error('sync one')\n",
    "top_level_await": ("await null\nPromise.reject(new Error('tla'))\n"
                        "await new Promise(r => setTimeout(r, 5))\nconsole.log('not reached')\n"),
    "reason_number": "Promise.reject(1)\n",
    "reason_string": "Promise.reject('str')\n",
    "reason_undefined": "Promise.reject()\n",
    "reason_object": "Promise.reject({ a: 1 })\n",
    "reason_null_prototype": "Promise.reject(Object.create(null))\n",
    "reason_class_instance": "class Foo {}\nPromise.reject(new Foo())\n",
    "reason_map": "Promise.reject(new Map([[1, 2]]))\n",
    "reason_symbol": "Promise.reject(Symbol('q'))\n",
    "reason_bigint": "Promise.reject(10n)\n",
    "reason_function": "Promise.reject(function f() { return 1 })\n",
    "reason_long_function": f"Promise.reject(function f() {{ return '{LONG}' }})\n",
    "reason_throwing_tostring": "Promise.reject({ toString() { throw new Error('no') }, valueOf() { throw 1 } })\n",
    "reason_proxy": "Promise.reject(new Proxy({}, {}))\n",
    "reason_proxy_throwing_trap": (
        "Promise.reject(new Proxy({}, { getOwnPropertyDescriptor() { throw new Error('trap') } }))\n"),
    "only_the_first_of_many": "for (let i = 0; i < 1000; i++) Promise.reject(new Error('r' + i))\n"
                              "console.log('end')\n",
    "listener": (
        "process.on('unhandledRejection', (reason, p) => console.log('listener', reason, p instanceof Promise))\n"
        "Promise.reject(7); Promise.reject(8)\nsetTimeout(() => console.log('still running'), 5)\n"),
    "listener_that_throws": (
        "process.on('unhandledRejection', r => { console.log('l', r); throw new Error('from listener') })\n"
        "Promise.reject(1); Promise.reject(2)\n"),
    "rejection_handled_event": (
        "process.on('unhandledRejection', () => console.log('unhandled'))\n"
        "process.on('rejectionHandled', p => console.log('handled later', p instanceof Promise))\n"
        "const p = Promise.reject(3)\nsetTimeout(() => { p.catch(() => {}) }, 1)\n"
        "setTimeout(() => console.log('end'), 20)\n"),
    "try_await_catch": (
        "async function f() { throw new Error('e') }\n"
        "(async () => { for (let i = 0; i < 3; i++) {\n"
        "  try { await f() } catch (e) { console.log(i, e.message) } } })()\n"),
    "all_settled_and_race": (
        "Promise.allSettled([Promise.reject(1), Promise.resolve(2)]).then(r => console.log(JSON.stringify(r)))\n"
        "Promise.race([Promise.reject(new Error('r1')), new Promise(() => {})])\n"
        "  .catch(e => console.log('c', e.message))\n"),
}
STDIN = "hello\n"


def _error_line(stderr: str) -> str:
    """Node's report: where (1-3 lines), a blank line, then the error's first line."""
    lines = stderr.split("\n")
    return lines[lines.index("") + 1] if "" in lines else ""


@pytest.fixture(scope="module")
def native(tmp_path_factory):
    """node's stdout, exit code and stderr for every case, run once."""
    out = {}
    d = tmp_path_factory.mktemp("node")
    for name, code in CASES.items():
        path = d / f"{name}.{'mjs' if code.startswith('await') else 'js'}"
        path.write_text(code)
        p = subprocess.run([NODE, str(path)], input=STDIN, capture_output=True, text=True, timeout=60)
        out[name] = p
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_as_node(js_both, native, name):
    r = js_both(CASES[name], stdin=STDIN)
    n = native[name]
    assert (r.stdout, r.exit_code) == (n.stdout, n.returncode), (r.stdout, r.stderr)
    assert r.status == ("ok" if n.returncode == 0 else "error")
    if n.returncode == 1:
        line = f"\nUncaught {_error_line(n.stderr)}"
        ours = "\n" + r.stderr
        assert line + "\n" in ours or line + " {\n" in ours, (r.stderr, n.stderr)
        if "ERR_UNHANDLED_REJECTION" in n.stderr:
            assert r.stderr.endswith(" {\n  code: 'ERR_UNHANDLED_REJECTION'\n}\n"), r.stderr
        first = n.stderr.split("\n", 1)[0]
        if first.endswith(tuple(f".js:{i}" for i in range(1, 9))) and "node:internal" not in first:
            # node names the line where the error was made or thrown; ours too, with the column
            assert r.stderr.startswith(f"main.js:{first.rsplit(':', 1)[1]}:"), (r.stderr, n.stderr)
    else:
        assert r.stderr == n.stderr
    assert "sandboxes" not in r.stderr


def test_report_layout(js):
    r = js("async function main() {\n  throw new Error('boom')\n}\nmain()\n")
    assert r.stderr == ("main.js:2:9\n  throw new Error('boom')\n        ^\n\n"
                        "Uncaught Error: boom\n    at main (main.js:2:9)\n    at main.js:4:1\n"), r.stderr
    r = js("Promise.reject(42)\n")
    assert r.stderr == ("Uncaught UnhandledPromiseRejection: This error originated either by throwing inside of an "
                        "async function without a catch block, or by rejecting a promise which was not handled with "
                        ".catch(). The promise rejected with the reason \"42\". {\n"
                        "  code: 'ERR_UNHANDLED_REJECTION'\n}\n")


def test_error_like_reason(js):
    """An object with an own `stack` is reported as an error (Node's isErrorLike): its stack."""
    r = js("Promise.reject({ stack: 'STACK', message: 'm' })\n")
    assert (r.status, r.exit_code, r.stderr) == ("error", 1, "Uncaught STACK\n")


def test_a_run_does_not_affect_the_next(js_both):
    assert js_both("Promise.reject(new Error('first'))\n").exit_code == 1
    r = js_both("const p = Promise.reject(1)\np.catch(() => console.log('fine'))\n")
    assert (r.status, r.stdout, r.stderr) == ("ok", "fine\n", "")
    r = js_both("process.on('unhandledRejection', () => console.log('l'))\nPromise.reject(1)\n")
    assert (r.status, r.stdout) == ("ok", "l\n")
    r = js_both("Promise.reject(2)\n")  # the listener was the previous run's
    assert r.exit_code == 1 and 'reason "2"' in r.stderr


def test_contexts_track_rejections(runtime):
    """Every pooled context has the callback set and its inbox handed over (this V8 build); the
    Python thread state kept for its thread is deleted once it is closed."""
    from sandboxes.javascript import _rejections

    pool = runtime.pool()
    assert _rejections.available(), _rejections.status()
    ctx = pool.acquire()
    try:
        assert ctx.rejections is not None and ctx.rejections.ready and ctx.rejections.thread_state
    finally:
        tracker = ctx.rejections
        pool.release(ctx)
    assert pool.wait_idle()
    assert tracker.thread_state == 0
    assert _rejections.status() == f"ok: V8 {_rejections.SUPPORTED_V8}"


def test_kept_thread_states_are_deleted(runtime):
    """Each isolate's thread keeps one Python thread state (callbacks are cheaper); closing the
    context deletes it: 30 runs later, the process has as many as before."""
    from sandboxes.policy import Limits

    limits = Limits(timeout_s=10, memory_mb=64, max_output_bytes=1 << 20)
    pool = runtime.pool()
    runtime.run("", stdin="", limits=limits)
    assert pool.wait_idle()
    before = python_thread_states()
    for i in range(30):
        r = runtime.run(f"Promise.reject({i})", stdin="", limits=limits)
        assert r.exit_code == 1
    assert pool.wait_idle()
    assert python_thread_states() == before


def test_other_v8_build_runs_without_the_feature(tmp_path):
    """On a V8 build the calls were not written for, nothing is called: a WARNING, and runs
    behave as before the feature (an unhandled rejection goes unnoticed)."""
    script = textwrap.dedent("""
        import dataclasses, logging
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
        from sandboxes.javascript import _rejections
        _rejections.SUPPORTED_V8 = "0.0.0.0"
        from sandboxes import Sandbox, default_policy
        p = default_policy()
        p = dataclasses.replace(p, javascript=dataclasses.replace(p.javascript, isolation="inprocess"))
        with Sandbox(p) as sb:
            for _ in range(2):
                r = sb.run("js", "async function main() { throw new Error('boom') }\\nmain(); console.log('after')")
                print(r.status, r.exit_code, repr(r.stdout))
        print(_rejections.status())
    """)
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[:2] == ["ok 0 'after\\n'"] * 2, p.stdout
    assert p.stdout.splitlines()[2].startswith("unavailable: V8 14."), p.stdout
    assert p.stderr.count("WARNING JavaScript: unhandled promise rejections are not detected") == 1, p.stderr


def test_handled_late_warning(js_both, tmp_path):
    """A rejection a listener was told of, handled later with no 'rejectionHandled' listener:
    Node's warning on stderr (its pid is the shim's `process.pid`, 1)."""
    code = ("process.on('unhandledRejection', () => console.log('unhandled'))\n"
            "Promise.reject(1).catch(() => {})\nconst p = Promise.reject(3)\n"
            "setTimeout(() => { p.catch(() => {}) }, 1)\nsetTimeout(() => console.log('end'), 20)\n")
    (tmp_path / "main.js").write_text(code)
    n = subprocess.run([NODE, str(tmp_path / "main.js")], capture_output=True, text=True, timeout=60)
    r = js_both(code)
    assert (r.stdout, r.exit_code) == (n.stdout, n.returncode) == ("unhandled\nend\n", 0)
    assert r.stderr == re.sub(r"^\(node:\d+\)", "(node:1)", n.stderr, flags=re.M), (r.stderr, n.stderr)


def test_doctor_reports_the_feature():
    """`sandboxes doctor` says whether unhandled rejections end a run on this V8 build, and why not."""
    import json

    p = subprocess.run([sys.executable, "-m", "sandboxes", "doctor", "--json"], capture_output=True, text=True,
                       timeout=120)
    report = json.loads(p.stdout)
    from sandboxes.javascript import _rejections

    assert report["javascript_unhandled_rejections"] == f"ok: V8 {_rejections.SUPPORTED_V8}", p.stderr
