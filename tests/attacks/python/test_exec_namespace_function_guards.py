# Attack: exec(code, ns) now runs in the program's own dict (CPython semantics: a function the exec
# defines keeps `ns` as its globals). The rewritten code calls its guards by name (`_sb_w(obj).x = v`,
# `_sb_mul`, `_sb_enter`...): if a function defined there looked them up in `ns`, the program could
# plant its own after the exec -- an identity `_sb_w` makes `o.x = v` a raw write on a library class,
# `operator.mul` as `_sb_mul` drops the size guard, a no-op `_sb_enter` the function-entry ticks -- or
# while the exec runs (a top-level statement rebinding them), or in the locals mapping of
# exec(code, gl, lo), whose names module-level code reads first.
# Published: RestrictedPython GHSA advisories on guard names rebound by the program (2024-2025, "names the
# transformer emits can be rebound"); Python docs, exec(): "functions defined ... use globals".
import pytest

PAYLOADS = [
    # after the exec: the function's globals are ns, where the program plants an identity write guard
    ("import fractions\nns = {}\nexec('def poke(o):\\n    o.limit_denominator = 1', ns)\n"
     "ns['_sb_w'] = lambda o: o\nns['poke'](fractions.Fraction)\n"
     "print('STATE', fractions.Fraction.limit_denominator)", "STATE 1"),
    # the same with the augmented-assignment temporaries the transformer binds at module level
    ("import fractions\nns = {'F': fractions.Fraction}\n"
     "exec('_x = 0\\nF.denominator *= 2', ns)\nprint('STATE', fractions.Fraction.denominator)", "STATE"),
    # size guard planted in ns, used by a function defined by the exec
    ("import operator\nns = {}\nexec('def big():\\n    return \"a\" * (3 * 10 ** 7)', ns)\n"
     "ns['_sb_mul'] = operator.mul\nprint('BUILT', len(ns['big']()))", "BUILT"),
    # guards planted in the locals mapping of exec(code, gl, lo)
    ("import operator, fractions\nlo = {'_sb_w': lambda o: o, '_sb_mul': operator.mul, 'F': fractions.Fraction}\n"
     "exec('F.limit_denominator = 2\\ns = \"a\" * (3 * 10 ** 7)', {}, lo)\nprint('BUILT', len(lo['s']))", "BUILT"),
    # rebinding while the exec runs, from a function the exec calls
    ("import fractions\nns = {'F': fractions.Fraction}\n"
     "def plant():\n    ns['_sb_w'] = lambda o: o\n"
     "ns['plant'] = plant\nexec('plant()\\ndef poke():\\n    F.limit_denominator = 3\\npoke()', ns)\n"
     "print('STATE', fractions.Fraction.limit_denominator)", "STATE 3"),
]


@pytest.mark.parametrize("code,marker", PAYLOADS)
def test_functions_defined_by_exec_keep_their_guards(fresh_guest, code, marker):
    r = fresh_guest.run(code)
    fresh_guest.contained(r, {"violation", "error", "memory_limit"}, forbidden=[marker])
    fresh_guest.assert_next_run_clean()


def test_a_noop_entry_tick_does_not_stop_the_deadline(guest):
    code = ("ns = {}\nexec('def spin(n):\\n    return spin(n + 1) if n % 500 else [spin(n + 1) for _ in "
            "range(2)]', ns)\nns['_sb_enter'] = lambda *a: None\nns['_sb_tick'] = lambda: None\n"
            "import sys\nsys.setrecursionlimit(600)\nns['spin'](1)")
    r = guest.run(code, timeout=1.0)
    guest.contained(r, {"timeout", "error"}, max_wall=5.0)
