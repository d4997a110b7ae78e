# Attack: functools.update_wrapper / wraps take the attribute names to copy (`assigned=`, `updated=`) and
# copy them with the host's getattr/setattr: `assigned=('__globals__',)` copies a host function's
# __globals__ into the guest's own object, whose __dict__ the guest may read. From there: the host
# module's globals, `os`, the environment.
# Published: smolagents local_python_executor escapes via functools (CVE-2025-9959 family: "dunder
# access via imported modules"); pyjail write-ups ("functools.wraps copies __dict__ / arbitrary
# attributes"); the brief of this project (functools.wraps copying __dict__).
import pytest

PAYLOADS = [
    # read a host function's globals through the guest's own object
    "import functools\nclass W:\n    pass\nw = W()\n"
    "functools.update_wrapper(w, getattr, assigned=('__globals__',), updated=())\n"
    "g = w.__dict__['__globals__']\nprint('REACHED', type(g).__name__, 'os' in g)\n"
    "print('REACHED2', g['os'].environ)",
    "import functools\nclass W:\n    pass\n"
    "w = functools.wraps(print, assigned=('__self__',), updated=())(W())\n"
    "print('REACHED', w.__dict__['__self__'])",
    # write a host class attribute (cross-run poisoning) through update_wrapper's setattr
    "import functools, textwrap\nclass S:\n    width = 1\n"
    "functools.update_wrapper(textwrap.TextWrapper, S, assigned=('width',), updated=())\n"
    "print('REACHED', textwrap.TextWrapper.width)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_update_wrapper_cannot_copy_host_internals(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED", "environ("])
    guest.assert_next_run_clean()


def test_plain_wraps_still_works(guest):
    code = ("import functools\ndef deco(f):\n    @functools.wraps(f)\n    def w(*a):\n        return f(*a) + 1\n"
            "    return w\n@deco\ndef g(x):\n    'doc'\n    return x\nprint(g(1), g.__name__, g.__doc__)")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "2 g doc\n"), r
