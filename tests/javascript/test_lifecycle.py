"""Lifecycle: prompt exit, timeouts, leak checks, pooling, close()."""

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import sandboxes
from sandboxes import ClosedError, default_policy
from sandboxes.javascript import JavaScriptRuntime
from sandboxes.javascript._engine import native_context_count

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("attempt", range(6))
def test_process_exits_promptly_after_running_js(attempt):
    """A MiniRacer left open can hang interpreter exit; every context is closed at exit."""
    script = textwrap.dedent("""
        import sandboxes
        for code in ["console.log(1)", "while (true) {}", "setInterval(() => {}, 1)", "Promise.resolve().then(function f() { Promise.resolve().then(f) })"]:
            sandboxes.run("js", code, timeout=0.3)
        print("done")
    """)
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    assert p.stdout == "done\n"
    assert time.monotonic() - t0 < 20


def test_timeout_bounds_and_runtime_still_works(js):
    t0 = time.monotonic()
    r = js("while (true) {}", timeout=1)
    elapsed = time.monotonic() - t0
    assert r.status == "timeout" and r.extra.get("stopped_by") == "v8-termination"
    assert 0.9 <= elapsed <= 1.5
    assert js("console.log('after')").stdout == "after\n"


def test_timeout_of_infinite_microtask_loop_keeps_output(js_both):
    # The microtasks run after the script's call has returned, ahead of the host's next call:
    # cancelling that queued call cannot stop them; closing the context must.
    t0 = time.monotonic()
    r = js_both("console.log('start'); (async () => { while (true) await null; })()", timeout=1)
    assert r.status == "timeout" and r.stdout == "start\n"
    assert 0.9 <= time.monotonic() - t0 <= 1.5
    assert js_both("console.log('after')").stdout == "after\n"


def test_timer_beyond_deadline_times_out(js):
    t0 = time.monotonic()
    r = js("setTimeout(() => console.log('late'), 60000)", timeout=1)
    assert r.status == "timeout" and r.stdout == ""
    assert 0.9 <= time.monotonic() - t0 <= 1.5


def test_live_contexts_return_to_baseline(runtime):
    pool = runtime.pool()
    assert pool.wait_idle()
    baseline_pool = pool.live
    baseline_native = native_context_count()
    limits = runtime.policy.limits
    for code in ["console.log(1)", "throw new Error('x')", "let x = ;", "while (true) {}",
                 "setTimeout(() => {}, 1)", "const a = []; while (true) a.push(a.length)"]:
        runtime.run(code, stdin="", limits=limits.for_call(timeout=0.5))
    assert pool.wait_idle()
    assert pool.live == baseline_pool == runtime.policy.pool_size
    assert native_context_count() == baseline_native
    runtime.close()
    assert native_context_count() == baseline_native - baseline_pool
    assert pool.live == 0


def test_each_run_uses_a_new_context(runtime):
    limits = runtime.policy.limits
    pool = runtime.pool()
    before = pool.created
    for _ in range(5):
        assert runtime.run("console.log(typeof x); var x = 1", stdin="", limits=limits).stdout == "undefined\n"
    assert pool.created >= before + 5


def test_close_is_idempotent_and_final():
    rt = JavaScriptRuntime(default_policy().javascript)
    assert rt.run("print(1)", stdin="", limits=rt.policy.limits).stdout == "1\n"
    rt.close()
    rt.close()
    with pytest.raises(ClosedError):
        rt.run("print(1)", stdin="", limits=rt.policy.limits)


def test_init_is_cheap_and_lazy():
    rt = JavaScriptRuntime(default_policy().javascript)
    assert rt._pool is None
    rt.close()


def test_concurrent_runs(sandbox):
    jobs = [("js", f"console.log({i} * 2)") for i in range(20)]
    results = sandbox.run_many(jobs, concurrency=4)
    assert [r.stdout for r in results] == [f"{i * 2}\n" for i in range(20)]


def test_default_policy_runs_in_the_confined_worker():
    """JavaScript's default isolation is the worker: a V8 abort must never reach the host."""
    assert default_policy().javascript.isolation == "worker"
    r = sandboxes.run("js", "console.log(readline() + '!')", stdin="hi\n")
    assert (r.status, r.stdout, r.exit_code) == ("ok", "hi!\n", 0)
    assert "process" in r.isolation and r.extra["worker"] == "long-lived"
