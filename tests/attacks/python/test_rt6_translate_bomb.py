# Published: own reading of guards.py (str.translate maps each character to a string of any length in one C call).
"""``s.translate({ord("a"): big})`` makes ``len(s) * len(big)`` characters in one C call, with no tick and
no memory sample before the allocation. The guard sizes dict, list and tuple tables before the call and
wraps any other table (a class with ``__getitem__``, a ``str.maketrans`` result) so that every character's
answer is charged as the C loop asks for it ("would need at least ... MiB"). Sizes stay at ~2-4 GB so that
the test is safe to run on the code before the fix, where it fails on the message."""

import pytest

BOMBS = {
    "dict": 's = "a" * 2 * 10**5\nt = s.translate({97: "b" * 10**4})\nprint("REACHED", len(t))',
    "maketrans": 's = "a" * 2 * 10**5\nt = s.translate(str.maketrans({"a": "b" * 10**4}))\nprint("REACHED", len(t))',
    "list": 's = "a" * 2 * 10**5\nt = s.translate([None] * 97 + ["b" * 10**4])\nprint("REACHED", len(t))',
    "class-table": 'class T:\n    def __getitem__(self, k): return "b" * 10**4\n'
                   's = "a" * 2 * 10**5\nt = s.translate(T())\nprint("REACHED", len(t))',
    "unbound": 's = "a" * 2 * 10**5\nt = str.translate(s, {97: "b" * 10**4})\nprint("REACHED", len(t))',
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_translate_bomb_is_refused_before_it_allocates(guest, name):
    guest.refused_before_allocation(BOMBS[name])
