# Attack: typing aliases forward attribute reads to their origin (`_BaseGenericAlias.__getattr__`,
# `types.GenericAlias`), so an alias is a second path to what the origin's rules refuse:
# `typing.Sequence.register(dict)` changes the shared collections.abc registries (every later run, and
# the host, see `isinstance({}, Sequence)` true), and `Annotated[TextWrapper, 0].unicode_whitespace_trans`
# is TextWrapper's shared class dict, raw and writable; the same dict comes back raw through an
# instance, a subclass of the program's, and `super()`.
# Published: sandboxes issue 12 (round-2 red team, item 3); CPython typing.py `_BaseGenericAlias.__getattr__`
# ("relay attributes to __origin__"), used in pyjail write-ups to reach methods of blocked classes.
import pytest

PAYLOADS = {
    "sequence-register": "import typing, collections.abc\ntyping.Sequence.register(dict)\n"
                         "print('REACHED', isinstance({}, collections.abc.Sequence))",
    "annotated-register": "import typing, collections.abc\ntyping.Annotated[collections.abc.Sized, 0].register(int)\n"
                          "print('REACHED', isinstance(1, collections.abc.Sized))",
    "nested-alias-register": "import typing, numbers\ntyping.Annotated[typing.Annotated[numbers.Number, 1], 2]"
                             ".register(str)\nprint('REACHED', isinstance('', numbers.Number))",
    "getattr-register": "import typing\ngetattr(typing.Mapping, 'regi' + 'ster')(list)\nprint('REACHED')",
    "textwrap-alias": "import typing, textwrap\n"
                      "d = typing.Annotated[textwrap.TextWrapper, 0].unicode_whitespace_trans\n"
                      "d[32] = 'X'\nprint('REACHED', type(d).__name__)",
    "textwrap-instance": "import textwrap\nd = textwrap.TextWrapper().unicode_whitespace_trans\nd[32] = 'X'\n"
                         "print('REACHED', type(d).__name__)",
    "textwrap-subclass": "import textwrap\nclass T(textwrap.TextWrapper):\n    pass\nd = T.unicode_whitespace_trans\n"
                         "d[32] = 'X'\nprint('REACHED', type(d).__name__)",
    "textwrap-super": "import textwrap\nclass T(textwrap.TextWrapper):\n    pass\n"
                      "d = super(T, T()).unicode_whitespace_trans\nd[32] = 'X'\nprint('REACHED', type(d).__name__)",
    "generic-alias-register": "import collections.abc\ncollections.abc.Sequence[int].register(dict)\n"
                              "print('REACHED', isinstance({}, collections.abc.Sequence))",
    # a library method read from a class takes only an instance as self; through an alias too
    "alias-unbound-method": "import typing, collections, fractions\n"
                            "typing.Annotated[collections.UserDict, 0].update(fractions.Fraction, {})\n"
                            "print('REACHED')",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_an_alias_is_not_a_second_path(guest, name):
    r = guest.run(PAYLOADS[name])
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    guest.assert_next_run_clean()


def test_aliases_still_work(guest):
    code = ("import typing, collections.abc, textwrap\n"
            "print(typing.List[int], typing.List.__name__, typing.Dict.fromkeys('ab', 0), list[int].__name__,\n"
            "      typing.Deque[int]([1]).maxlen, isinstance([], typing.Sequence),\n"
            "      typing.Annotated[str, 0].upper('x'),\n"
            "      sorted(typing.Annotated[textwrap.TextWrapper, 0].unicode_whitespace_trans.items())[:1])")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "typing.List[int] List {'a': 0, 'b': 0} list None True X [(9, 32)]\n"), r
