# Attack: reach str.format / format_map by a path where the receiver is not a plain `str`, so the
# guard that swaps in its field resolver (chosen by the receiver's type) hands out the raw C method,
# whose "{0.attr}" fields walk host objects: `super(S, s).format`, a typing alias forwarding to `str`
# (`typing.Annotated[str, 0].format`), the unbound method through a subclass (`S.format(t, ...)`),
# `collections.UserString.format` (it calls `self.data.format` inside the library), `format_map`.
# Published: sandboxes issue 12 (round-2 red team, item 2); RestrictedPython GHSA-xjw2-6jm9-rf67 /
# CVE-2023-41039 (str.format and string.Formatter resolving attributes in C); n8n and Langflow
# sandbox advisories using format strings to walk `__globals__` (2024-2025).
import pytest

FIELDS = "{0.__class__.__base__.__subclasses__}"
MAP_FIELDS = "{a.__class__.__base__.__subclasses__}"

PAYLOADS = {
    "super": f"class S(str):\n    pass\nprint('REACHED', super(S, S('{FIELDS}')).format(1))",
    "super-in-method": f"class S(str):\n    def f(self):\n        return super().format(1)\n"
                       f"print('REACHED', S('{FIELDS}').f())",
    "annotated-alias": f"import typing\nprint('REACHED', typing.Annotated[str, 0].format('{FIELDS}', 1))",
    "annotated-alias-format-map": f"import typing\n"
                                  f"print('REACHED', typing.Annotated[str, 0].format_map('{MAP_FIELDS}', {{'a': 1}}))",
    "subclass-unbound": f"class S(str):\n    pass\nprint('REACHED', S.format('{FIELDS}', 1))",
    "type-of-subclass": f"class S(str):\n    pass\nprint('REACHED', type(S('')).format('{FIELDS}', 1))",
    "user-string": f"import collections\nprint('REACHED', collections.UserString('{FIELDS}').format(1))",
    "user-string-format-map": f"import collections\n"
                              f"print('REACHED', collections.UserString('{MAP_FIELDS}').format_map({{'a': 1}}))",
    "user-string-unbound": f"import collections\n"
                           f"print('REACHED', collections.UserString.format(collections.UserString('{FIELDS}'), 1))",
    "user-string-data-alias": f"import collections, typing\nclass U(collections.UserString):\n    pass\nu = U('x')\n"
                              f"u.data = typing.Annotated[str, 0]\nprint('REACHED', u.format('{FIELDS}', 1))",
    "getattr-built-name": f"class S(str):\n    pass\n"
                          f"print('REACHED', getattr(super(S, S('{FIELDS}')), 'for' + 'mat')(1))",
    "map-unbound": f"class S(str):\n    pass\nprint('REACHED', list(map(S.format, ['{FIELDS}'], [1])))",
    "nested-spec": "print('REACHED', '{0:{1.__class__.__base__.__subclasses__}}'.format(1, 2))",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_every_formatting_method_resolves_fields_through_the_guards(guest, name):
    r = guest.run(PAYLOADS[name])
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED", "<built-in method"])


def test_formatting_through_those_paths_still_works(guest):
    code = ("import collections, typing\nclass S(str):\n    pass\nclass P:\n    x = 4\n"
            "print(super(S, S('{}-{x}')).format(1, x=2), typing.Annotated[str, 0].format('{0.x}', P()),\n"
            "      S.format('{:{}}', 3, 5), collections.UserString('{a}').format_map({'a': 'm'}),\n"
            "      collections.UserString.format(collections.UserString('{:0{}}'), 7, 3))")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "1-2 4     3 m 007\n"), r
