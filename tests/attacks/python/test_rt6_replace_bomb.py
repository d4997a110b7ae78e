# Published: own reading of guards.py (str/bytes .replace sizes, allocates and fills its result in one C call with no tick).
"""``s.replace("a", big)`` makes its whole result in one C call: ``len(s) * len(big)`` bytes before any tick
or memory sample runs. In-process the host's RSS went past the 512 MiB limit before the after-the-fact
sample answered. The guard now counts the matches and sizes the result first ("would need at least ...
MiB"), for str, bytes, bytearray and UserString, bound, unbound, through ``map`` and through ``functools.partial``. Sizes stay at ~2-4 GB
so that the test is safe to run on the code before the fix, where it fails on the message."""

import pytest

BOMBS = {
    "str": 's = "a" * 2 * 10**5\nt = s.replace("a", "b" * 10**4)\nprint("REACHED", len(t))',
    "bytes": 's = b"a" * 2 * 10**5\nt = s.replace(b"a", b"b" * 10**4)\nprint("REACHED", len(t))',
    "bytearray": 's = bytearray(b"a" * 2 * 10**5)\nt = s.replace(b"a", b"b" * 10**4)\nprint("REACHED", len(t))',
    "empty-old": 's = "a" * 2 * 10**5\nt = s.replace("", "b" * 10**4)\nprint("REACHED", len(t))',
    "unbound": 's = "a" * 2 * 10**5\nt = str.replace(s, "a", "b" * 10**4)\nprint("REACHED", len(t))',
    "map": 's = "a" * 2 * 10**5\nt = list(map(str.replace, [s], ["a"], ["b" * 10**4]))\nprint("REACHED", len(t[0]))',
    "partial": 'import functools\ns = "a" * 2 * 10**5\nr = functools.partial(str.replace, s, "a")\n'
               't = r("b" * 10**4)\nprint("REACHED", len(t))',
    "getattr": 's = "a" * 2 * 10**5\nr = getattr(s, "replace")\nt = r("a", "b" * 10**4)\nprint("REACHED", len(t))',
    "userstring": 'from collections import UserString\ns = UserString("a" * 2 * 10**5)\n'
                  't = s.replace("a", "b" * 10**4)\nprint("REACHED", len(t))',
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_replace_bomb_is_refused_before_it_allocates(guest, name):
    guest.refused_before_allocation(BOMBS[name])
