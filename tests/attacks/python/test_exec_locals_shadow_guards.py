# Attack: exec()/eval() of a string compiles it under the sandbox policy, whose rewritten code calls
# `_sb_w`, `_sb_mul`, `_sb_tick`... by name. Module-level code looks names up in the *locals* mapping
# first, and exec(src, None, locals) takes the guest's own dict as locals: the guest supplies its own
# `_sb_w` (identity: the write guard is gone) or `_sb_mul` (operator.mul: the size guard is gone).
# Published: RestrictedPython GHSA advisories on guard names shadowed by the program (2024-2025: "names
# the transformer emits can be rebound", positional-only parameters shadowing `_getattr_`); ENGINE-NOTES.
import pytest

PAYLOADS = [
    # write guard replaced by identity: a shared host class attribute is overwritten
    ("import fractions\nexec(\"fractions.Fraction.limit_denominator = 'POISONED'\", None,"
     " {'_sb_w': lambda o: o, 'fractions': fractions})\nprint('STATE', fractions.Fraction.limit_denominator)",
     "STATE POISONED"),
    # size guard replaced by operator.mul: a sequence over max_sequence_items is built
    ("import operator\nexec(\"s = 'a' * (3 * 10**7)\\nprint('BUILT', len(s))\", None, {'_sb_mul': operator.mul})",
     "BUILT"),
    # the same through eval with a locals mapping
    ("import operator\nprint('BUILT', len(eval(\"'a' * (3 * 10**7)\", None, {'_sb_mul': operator.mul})))", "BUILT"),
    # the same with a globals dict: names the guest planted there must not win either
    ("import operator\nexec(\"s = 'a' * (3 * 10**7)\\nprint('BUILT', len(s))\", {'_sb_mul': operator.mul})",
     "BUILT"),
]


@pytest.mark.parametrize("code,marker", PAYLOADS)
def test_guest_cannot_supply_its_own_guards(fresh_guest, code, marker):
    r = fresh_guest.run(code)
    fresh_guest.contained(r, {"violation", "error", "memory_limit"}, forbidden=[marker])
    fresh_guest.assert_next_run_clean()


def test_exec_with_scopes_still_works(guest):
    r = guest.run("ns = {}\nexec('x = 6 * 7', ns)\nloc = {}\nexec('y = 2', None, loc)\n"
                  "print(ns['x'], loc['y'], eval('a + 1', {'a': 1}))")
    assert (str(r.status), r.stdout) == ("ok", "42 2 2\n"), r
