# Published: own reading of guards.py (str.expandtabs pads every tab to tabsize columns in one C call).
"""``"\\t".expandtabs(10**9)`` or a string of tabs with a large ``tabsize`` makes its whole result in one C
call before any tick or memory sample. The guard sizes the result first, for the positional and the
``tabsize=`` keyword forms, bound and unbound ("would need at least ... MiB")."""

import pytest

BOMBS = {
    "positional": 't = ("\\t" * 300).expandtabs(10**7)\nprint("REACHED", len(t))',
    "keyword": 't = ("\\t" * 300).expandtabs(tabsize=10**7)\nprint("REACHED", len(t))',
    "unbound": 't = str.expandtabs("\\t" * 300, 10**7)\nprint("REACHED", len(t))',
    "bytes": 't = (b"\\t" * 300).expandtabs(10**7)\nprint("REACHED", len(t))',
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_expandtabs_bomb_is_refused_before_it_allocates(guest, name):
    guest.refused_before_allocation(BOMBS[name])
