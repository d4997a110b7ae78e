# Tries: leave rejection state behind for the next run on the same worker (or in-process on the
# same host): a rejection pending when the run ends by process.exit(), by its deadline, by the
# output cap or by a listener that exits; an 'unhandledRejection' listener that swallows
# everything; a run that rejects in every way at once. The next run must neither be reported for
# them nor lose its own report. Modelled on nodejs/node's worker_threads isolation of promise
# rejection tracking per environment, and on this corpus's test_prototype_pollution_next_run.
import pytest

SAFE_IN_PROCESS = True

LEFT_BEHIND = {
    "exit": "Promise.reject(new Error('left')); process.exit(0)",
    "deadline": "Promise.reject(new Error('left')); for (;;) {}",
    "deadline_in_a_drain": "(async () => { for (;;) { Promise.reject(new Error('left')); await null } })()",
    "output_cap": "Promise.reject(new Error('left')); for (;;) console.log('x'.repeat(1000))",
    "listener_exits": "process.on('unhandledRejection', () => process.exit(0)); Promise.reject(1); Promise.reject(2)",
    "listener_swallows": ("process.on('unhandledRejection', () => {})\n"
                          "for (let i = 0; i < 1000; i++) Promise.reject(i)\nconst p = Promise.reject(1)\n"
                          "setTimeout(() => p.catch(() => {}), 1)"),
}


@pytest.mark.parametrize("name", list(LEFT_BEHIND))
def test_nothing_carries_over(js, assert_clean, name):
    js(LEFT_BEHIND[name], timeout=1)
    r = js("console.log('clean')")
    assert (r.status, r.stdout, r.stderr) == ("ok", "clean\n", "")
    r = js("Promise.reject(new Error('mine'))")
    assert r.exit_code == 1 and "Uncaught Error: mine\n" in r.stderr and "left" not in r.stderr, r.stderr
    r = js("const p = Promise.reject(1)\nsetTimeout(() => p.catch(() => {}), 1)")
    assert r.exit_code == 1 and r.stdout == ""
    r = js("process.on('rejectionHandled', () => console.log('rh'))\nconsole.log('x')")
    assert (r.stdout, r.stderr) == ("x\n", "")
    assert_clean()
