# Tries: reject (or throw) inside process.on('exit') listeners, in their microtasks and after
# process.exit(), to end a run with no report, the wrong exit code, or output after the end.
# Modelled on Node's own exit-time semantics (nodejs/node issue #29418 and test
# parallel/test-process-exit-handler: after the 'exit' event of a natural end, the microtasks it
# queued run and their rejections are processed; no timer or nextTick runs; an error then exits
# with process.exitCode if set, else 1). Before the fix the run ended at the listeners: their
# microtasks' output was dropped, a rejection or throw there was ignored (exit 0).
import pytest

from tests.javascript.rejectionhelp import NODE, error_line, run_in_node

SAFE_IN_PROCESS = True

CASES = {
    "rejection": "process.on('exit', () => { Promise.reject(new Error('in exit')) })",
    "rejection_exit_code": ("process.exitCode = 4\n"
                            "process.on('exit', () => { Promise.reject(new Error('in exit')) })"),
    "rejection_exit_code_set_in_listener": ("process.on('exit', () => {\n"
                                            "  process.exitCode = 6; Promise.reject(1) })"),
    "non_error_reason": "process.on('exit', () => { Promise.reject(2) })",
    "only_microtasks_run": ("process.on('exit', () => { Promise.resolve().then(() => console.log('micro'));\n"
                            "  setTimeout(() => console.log('timer'), 0); setImmediate(() => console.log('imm'));\n"
                            "  process.nextTick(() => console.log('tick'))\n"
                            "  queueMicrotask(() => console.log('qm')) })"),
    "after_every_listener": ("process.on('exit', () => { Promise.reject(new Error('e1')) })\n"
                             "process.on('exit', () => console.log('second'))"),
    "listener_handles_it": ("process.on('unhandledRejection', r => console.log('L', r))\n"
                            "process.on('exit', () => { Promise.reject(5) })"),
    "throw_in_a_microtask": "process.on('exit', () => { Promise.resolve().then(() => { throw new Error('thr') }) })",
    "nested": "process.on('exit', () => { Promise.resolve().then(() => Promise.reject(new Error('nested'))) })",
    "throw": "process.on('exit', () => { throw new Error('x') })",
    "throw_exit_code": "process.exitCode = 4; process.on('exit', () => { throw new Error('x') })",
    "throw_exit_code_zero": "process.exitCode = 0; process.on('exit', () => { throw new Error('x') })",
    "throw_stops_the_listeners": ("process.on('exit', () => { console.log('x'); throw new Error('y') })\n"
                                  "process.on('exit', () => console.log('not'))"),
    "handled": ("process.on('exit', c => { console.log('exit', c)\n"
                "  Promise.reject(1).catch(() => console.log('caught')) })"),
    "explicit_exit": ("process.on('exit', () => { Promise.reject(new Error('e'))\n"
                      "  Promise.resolve().then(() => console.log('no')) }); process.exit(3)"),
    "exit_in_listener": "process.on('exit', () => { Promise.reject(new Error('e')); process.exit(3) })",
    "first_of_two": "process.on('exit', () => { Promise.reject(1); Promise.reject(new Error('two')) })",
}


@pytest.fixture(scope="module")
def native(tmp_path_factory):
    return run_in_node(tmp_path_factory.mktemp("node"), CASES)


@pytest.mark.skipif(NODE is None, reason="node not installed")
@pytest.mark.parametrize("name", list(CASES))
def test_as_node(js, native, name):
    r = js(CASES[name])
    n = native[name]
    assert (r.stdout, r.exit_code) == (n.stdout, n.returncode), (r.stdout, r.stderr, n.stderr)
    if n.stderr:
        first = error_line(n.stderr)
        assert ("Uncaught " + first) in r.stderr or first.split(":")[0] in r.stderr, (r.stderr, n.stderr)
    else:
        assert r.stderr == ""


def test_endless_rejections_while_exiting_end_at_the_deadline(js, assert_clean):
    """A listener that rejects for every rejection it is told of never lets the exit end (node
    loops for ever too): the deadline ends it."""
    r = js("process.on('unhandledRejection', () => { Promise.reject(9) })\n"
           "process.on('exit', () => { Promise.reject(5) })", timeout=1)
    assert r.status == "timeout", r
    assert_clean()
