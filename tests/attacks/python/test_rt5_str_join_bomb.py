# Published: own reading of guards.py (str.join sizes, allocates and fills its result in one C call with no tick).
"""Round 5 red team: a join of big items went past memory_mb before any memory sample saw it.

``"".join([s] * 2 * 10**5)`` with a 10 kB ``s`` is one C call that allocates and fills 2 GB: in-process the
host's RSS reached ~1.9 GB under a 512 MiB limit before the after-the-fact sample said memory_limit, and with
100 kB items (20 GB) the host was wedged past the test's wall bound on a 23 GB machine. The guard now sums
the result's size first and refuses it before the allocation ("would need at least ... MiB"). Sizes here stay
at ~2-4 GB so that the test is safe to run on the code before the fix, where it fails on the message."""

import pytest

BOMBS = {
    "bound": 's = "a" * 10**4\nt = "".join([s] * 2 * 10**5)\nprint("REACHED", len(t))',
    "unbound-iterator": 's = "a" * 10**4\nt = str.join("", iter([s] * 2 * 10**5))\nprint("REACHED", len(t))',
    "str-subclass-separator": 'class S(str):\n    def __len__(self): return 0\n'
                              's = "a" * 10**4\nt = S("").join([s] * 2 * 10**5)\nprint("REACHED", len(t))',
    "bytes-alias": 's = b"a" * 10**4\nj = s.join\nt = j([s] * 2 * 10**5)\nprint("REACHED", len(t))',
    "bytes-getattr": 's = b"a" * 10**4\nt = getattr(b"", "join")([s] * 2 * 10**5)\nprint("REACHED", len(t))',
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_str_join_bomb_is_refused_before_it_allocates(guest, name):
    guest.refused_before_allocation(BOMBS[name])


def test_joins_answer_as_natively(guest):
    code = ('print(",".join(["a", "b"]), "-".join(x for x in "abc"), b"".join([b"x", bytearray(b"y")]),\n'
            '      str.join("+", ["q", "r"]), bytearray(b",").join([b"a", b"b"]), "".join({"k": 1}), "".join(()))\n'
            'try:\n    ",".join([1, 2])\nexcept TypeError as e:\n    print(e)\n'
            'class S(str):\n    def __len__(self): return 0\n'
            'print(S("ab").join(["1", "2"]), S("ab").join(S("x") for _ in range(3)))\n')
    r = guest.run(code)
    guest.contained(r, {"ok"})
    assert r.stdout == ("a,b a-b-c b'xy' q+r bytearray(b'a,b') k \n"
                        "sequence item 0: expected str instance, int found\n1ab2 xabxabx\n"), r.stdout
