# Published: own reading of guards.py and CPython's _sre (re.sub builds its whole result in one C call).
"""``re.sub("a", big, s)`` — or a template that repeats the match, ``"\\\\g<0>" * 10**5`` — joins every
replacement into one result inside ``_sre``, with no tick and no memory sample before the allocation. The
guard counts the matches, sizes the expanded template and refuses the call first ("would need at least ...
MiB"), for ``re.sub``/``re.subn`` and a compiled pattern's ``sub``/``subn``, bound and unbound. Sizes stay at
~2-4 GB so that the test is safe to run on the code before the fix, where it fails on the message."""

import pytest

BOMBS = {
    "re.sub": 'import re\ns = "a" * 2 * 10**5\nt = re.sub("a", "b" * 10**4, s)\nprint("REACHED", len(t))',
    "re.subn": 'import re\ns = "a" * 2 * 10**5\nt = re.subn("a", "b" * 10**4, s)\nprint("REACHED", len(t[0]))',
    "group-template": 'import re\ns = "a" * 10**4 + "b"\nt = re.sub("a+", r"\\g<0>" * 2 * 10**5, s)\n'
                      'print("REACHED", len(t))',
    "compiled": 'import re\np = re.compile("a")\ns = "a" * 2 * 10**5\nt = p.sub("b" * 10**4, s)\nprint("REACHED", len(t))',
    "compiled-unbound": 'import re\np = re.compile("a")\ns = "a" * 2 * 10**5\n'
                        't = type(p).sub(p, "b" * 10**4, s)\nprint("REACHED", len(t))',
    "bytes": 'import re\ns = b"a" * 2 * 10**5\nt = re.sub(b"a", b"b" * 10**4, s)\nprint("REACHED", len(t))',
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_re_sub_bomb_is_refused_before_it_allocates(guest, name):
    guest.refused_before_allocation(BOMBS[name])
