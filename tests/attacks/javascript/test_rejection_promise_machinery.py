# Tries: the promise machinery's less travelled roads to a rejection, to make one go unreported,
# reported twice, or reported where Node reports none: thenables whose `then` throws, Promise
# subclasses and Symbol.species constructors, Promise.prototype.then replaced by the guest, the
# combinators (all/any/race/allSettled) over 10,000 rejected members, async generators (a throw
# after a yield, return() while a next() rejects), a promise resolved with itself, a resolve
# function called twice, rejections from queueMicrotask, timers and finally(). Modelled on the
# spec's HostPromiseRejectionTracker (ECMA-262, "reject" and "handle" operations for every
# promise, those of species constructors, thenable jobs and AsyncGenerator rejections included),
# which V8 reports through PromiseRejectCallback, and on Node's handling of them; checked against
# node 20 (stdout, exit code, the report's error line).
import pytest

from tests.javascript.rejectionhelp import NODE, error_line, run_in_node

SAFE_IN_PROCESS = True
pytestmark = pytest.mark.skipif(NODE is None, reason="node not installed")

MANY = "Array.from({ length: 10000 }, (_, i) => Promise.reject(i))"
CASES = {
    "thenable_throws": "Promise.resolve({ then() { throw new Error('thenable') } }); console.log('a')",
    "thenable_rejects_late": "Promise.resolve({ then(_, r) { setTimeout(() => r(new Error('late')), 1) } })",
    "subclass": "class P extends Promise {}\nP.reject(new Error('sp')); console.log('a')",
    "species_to_promise": ("class P extends Promise { static get [Symbol.species]() { return Promise } }\n"
                           "const p = P.reject(1); p.then(() => {}); console.log('a')"),
    "species_handled": ("class P extends Promise { static get [Symbol.species]() { return Promise } }\n"
                        "P.reject(1).catch(() => console.log('caught'))"),
    "then_replaced": "Promise.prototype.then = function () { return this }\nPromise.reject(new Error('pt'))",
    "then_wrapped": ("const o = Promise.prototype.then\n"
                     "Promise.prototype.then = function (a, b) { console.log('then'); return o.call(this, a, b) }\n"
                     "Promise.reject(1).catch(() => {}); console.log('a')"),
    "all": f"Promise.all({MANY}).catch(e => console.log('c', e))",
    "any": f"Promise.any({MANY}).catch(e => console.log('c', e.errors.length))",
    "any_unhandled": "Promise.any([Promise.reject(1), Promise.reject(2)])",
    "race": f"Promise.race({MANY}).catch(e => console.log('c', e))",
    "all_settled": f"Promise.allSettled({MANY}).then(r => console.log(r.length))",
    "async_generator_throws": ("async function* g() { yield 1; throw new Error('gen') }\n"
                               "(async () => { for await (const x of g()) console.log(x) })()"),
    "async_generator_return": ("async function* g() { throw new Error('gen') }\n"
                               "const it = g(); it.next(); it.return(5).then(v => console.log(JSON.stringify(v)))"),
    "resolved_with_itself": "let r; const p = new Promise(res => r = res); r(p); console.log('a')",
    "resolve_twice": "let rej; const p = new Promise((_, r) => rej = r); rej(1); rej(2); console.log('a')",
    "handled_then_chained": "const p = Promise.reject(1); p.catch(() => {}); p.then(); console.log('a')",
    "microtask": "queueMicrotask(() => Promise.reject(new Error('qm'))); console.log('a')",
    "timer": "setTimeout(() => Promise.reject(new Error('t')), 1); setTimeout(() => console.log('never'), 20)",
    "finally_throws": "Promise.resolve().finally(() => { throw new Error('fin') })",
    "finally_passes_it_on": "Promise.reject(new Error('through')).finally(() => console.log('fin'))",
    "awaited_in_a_later_timer": ("async function f() { const p = Promise.reject(new Error('q'))\n"
                                 "  await new Promise(r => setTimeout(r, 1)); await p }\n"
                                 "f().catch(e => console.log('c', e.message))"),
}


@pytest.fixture(scope="module")
def native(tmp_path_factory):
    return run_in_node(tmp_path_factory.mktemp("node"), CASES)


@pytest.mark.parametrize("name", list(CASES))
def test_as_node(js, native, name):
    r = js(CASES[name], timeout=20)
    n = native[name]
    assert (r.stdout, r.exit_code) == (n.stdout, n.returncode), (r.stdout, r.stderr, n.stderr)
    first = error_line(n.stderr)
    if first.startswith(("Error", "AggregateError")):
        assert f"Uncaught {first}\n" in r.stderr, (r.stderr, n.stderr)
    elif n.returncode == 0:
        assert r.stderr == ""
