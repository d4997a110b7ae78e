# Attack: library callables that read attributes by name in C, without the guards: operator.attrgetter,
# operator.methodcaller, functools.partial(getattr, ...), map(getattr, ...), sorted(key=attrgetter),
# vars(), dir() then getattr(), object.__getattribute__ via a bound method, super() proxies.
# Published: smolagents CVE-2025-9959 ("dunder access via imported modules": operator.attrgetter);
# pyjail write-ups ("operator.attrgetter('__globals__')(f)").
import pytest

PAYLOADS = [
    "import operator\nprint('REACHED', operator.attrgetter('__globals__')(print))",
    "import operator\nprint('REACHED', operator.methodcaller('__subclasses__')(object))",
    "import functools\ng = functools.partial(getattr, ())\nprint('REACHED', g('__class__').__base__.__subclasses__())",
    "print('REACHED', list(map(getattr, [()], ['__class__'])), list(map(getattr, [object], ['__subclasses__'])))",
    "print('REACHED', vars(object))",
    "print('REACHED', [getattr(type, n)(object) for n in ['mro', '__subcl' + 'asses__']])",
    "class A:\n    def m(self):\n        return super().__getattribute__('__class__')\nprint('REACHED', A().m())",
    "print('REACHED', super(type, object).__subclasses__)",
    "print('REACHED', object.__getattribute__(print, '__globals__'))",
    "print('REACHED', type.__getattribute__(object, '__subclasses__'))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_no_unguarded_getattr_gadget(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
