# Attack: class machinery that runs code in host lookups or with unusual arguments: __init_subclass__,
# __class_getitem__, __set_name__, __getattribute__/__getattr__ interposing on the guards, metaclass=,
# __get__ descriptors, decorators that are host callables (e.g. a class decorated with a builtin that reads
# attributes), __instancecheck__ via a metaclass.
# Published: pyjail write-ups on decorators and `__init_subclass__` gadgets ("@exec @input class X: pass",
# "class X(metaclass=...)"); RestrictedPython's refusal of dunder method definitions.
import pytest

# Defining __init_subclass__, __class_getitem__, __set_name__ and __getattr__ is allowed since issue 13
# (they run with the program's own objects): what an attacker tries with them is in test_class_hooks.py.
PAYLOADS = [
    ("class A:\n    def __getattribute__(self, n):\n        print('REACHED')", {"violation"}),
    ("class A:\n    def __get__(self, o, t):\n        print('REACHED')", {"violation"}),
    ("class A:\n    def __del__(self):\n        print('REACHED')", {"violation"}),
    ("class M(type):\n    pass\nclass A(metaclass=M):\n    pass\nprint('REACHED')", {"violation", "compile_error"}),
    ("@exec\n@input\nclass A:\n    pass\nprint('REACHED')", {"error", "violation"}),
    ("@print\n@str.__class__.__subclasses__\nclass A:\n    pass", {"violation"}),
    ("class A:\n    __getattr__ = print", {"violation"}),
    ("class A:\n    __reduce__ = print", {"violation"}),
    ("A = type('A', (), {})\nA.__init_subclass__ = classmethod(print)", {"violation"}),
]


@pytest.mark.parametrize("code,statuses", PAYLOADS)
def test_dangerous_class_machinery_is_refused(guest, code, statuses):
    r = guest.run(code)
    guest.contained(r, statuses, forbidden=["REACHED"])


def test_type_namespace_getattribute_cannot_read_host_internals(guest):
    # type() accepts any namespace; a __getattribute__ there interposes only on the guest's own objects,
    # and must not hand the guest anything the guards would refuse.
    code = ("A = type('A', (), {'__getattribute__': lambda self, n: object.__getattribute__(self, n)})\n"
            "print('REACHED', A().__class__)")
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
