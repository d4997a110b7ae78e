# Attack: pass __import__ a str subclass whose __hash__ is that of an allowed module and whose __eq__ is
# always true. The allowlist checks (`name in allowed`, `ALLOWED[name]`) are set/dict lookups, so they
# pass; importlib then imports the *real* module named by the string's value ('builtins'), and the facade
# is filled with the allowed module's member names taken from it: `re`'s list contains `compile`, so the
# guest gets the real compile(), makes an unrestricted code object and runs it with FunctionType.
# Published: hash/eq confusion of allowlist lookups ("str subclass with __eq__" bypasses of import
# allowlists: Jinja2 sandbox / RestrictedPython guarded_import discussions; pyjail write-ups overriding
# __eq__ to pass `in` checks).
import pytest

SETUP = ("class S(str):\n    def __eq__(self, o):\n        return True\n    def __hash__(self):\n"
         "        return hash({target!r})\n")

PAYLOADS = [
    SETUP.format(target="re") + "b = __import__(S('builtins'))\nprint('REACHED', b)\n"
    "code = b.compile(\"().__class__.__base__.__subclasses__()\", 'x', 'eval')\n"
    "print('REACHED2', len(type(lambda: 0)(code, {})()))",
    SETUP.format(target="json") + "p = __import__(S('pickle'))\nprint('REACHED', p, p.loads)",
    SETUP.format(target="copy") + "sh = __import__(S('shutil'))\nprint('REACHED', sh.copy)",
    # a plain str subclass naming a forbidden module
    "class S(str):\n    pass\nprint('REACHED', __import__(S('os')))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_import_allowlist_is_not_fooled_by_str_subclasses(fresh_guest, code):
    r = fresh_guest.run(code)
    fresh_guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    fresh_guest.assert_next_run_clean()
