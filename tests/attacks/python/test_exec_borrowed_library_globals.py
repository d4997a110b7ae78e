# Attack: exec()/eval() without dictionaries take the *caller's* globals (CPython semantics, which the
# sandbox follows for the program's own frames). Make a library function be the caller: a
# functools.partial(eval, src) as the default factory of a defaultdict, handed to string.Template,
# whose Python code looks the key up; the factory then runs with string.py's module globals, where `_re`
# is the raw `re` module, and the value ends up in the program's dict.
# Published: Python docs, eval()/exec() ("globals default to the current frame's"); pyjail write-ups
# that borrow a library frame's globals (f_globals / frame-walking gadgets, e.g. "gi_frame.f_back").
import pytest

PAYLOADS = [
    ("import collections, functools, string\nd = collections.defaultdict(functools.partial(eval, '_re'))\n"
     "print(string.Template('$x').substitute(d))\nprint('REACHED', d['x'])", "REACHED"),
    ("import collections, functools, string\nd = collections.defaultdict(functools.partial(eval, '__name__'))\n"
     "print('NAME', string.Template('$x').substitute(d))", "NAME string"),
    ("import collections, functools, string\n"
     "d = collections.defaultdict(functools.partial(exec, 'leak = _sentinel_dict'))\n"
     "string.Template('$x').safe_substitute(d)\nprint('REACHED', leak)", "REACHED"),
]


@pytest.mark.parametrize("code,marker", PAYLOADS)
def test_a_library_caller_does_not_lend_its_globals(guest, code, marker):
    r = guest.run(code)
    guest.contained(r, {"ok", "error", "violation"}, forbidden=[marker])
    if "NAME" in code:
        assert r.stdout == "NAME __main__\n", r  # the program's own globals
