# Attack: str.format / format_map resolve "{0.attr}" and "{0[key]}" fields in C, without the
# attribute guards, so a format string walks to __globals__ / __subclasses__.
# Published: RestrictedPython GHSA-wqc8-x2pr-7jqh (str.format attribute access, CVE-2023-41039 family);
# pyjail write-ups ("{0.__init__.__globals__}".format(obj)).
import pytest

PAYLOADS = [
    "print('REACHED', '{0.__class__.__base__.__subclasses__}'.format(1))",
    "def f():\n    pass\nprint('REACHED', '{0.__globals__}'.format(f))",
    "print('REACHED', '{x.__class__.__mro__}'.format_map({'x': 1}))",
    "print('REACHED', str.format('{0.__class__.__base__.__subclasses__}', 1))",
    "print('REACHED', str.format_map('{a.__globals__}', {'a': print}))",
    "t = '{0.' + '_' * 2 + 'globals' + '_' * 2 + '}'\nprint('REACHED', t.format(getattr))",
    "class M(dict):\n    def __missing__(self, k):\n        return print\nprint('REACHED', '{p.__self__}'.format_map(M()))",
    # nested replacement field in the format spec
    "print('REACHED', '{0:{1.__class__.__base__.__subclasses__}}'.format(1, 2))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_format_fields_go_through_the_guards(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED", "<built-in method", "<function", "'os'"])
    assert "__subclasses__" not in r.stdout


def test_ordinary_format_still_works(guest):
    r = guest.run("class P:\n    x = 3\nprint('{0.x}-{1[k]}-{n:>4}'.format(P(), {'k': 'v'}, n=7), '{a}'.format_map({'a': 1}))")
    assert (str(r.status), r.stdout) == ("ok", "3-v-   7 1\n"), r
