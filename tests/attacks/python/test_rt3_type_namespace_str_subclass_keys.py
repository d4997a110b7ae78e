# Attack: a `type(name, bases, ns)` namespace whose key is a `str` subclass with a lying `startswith` (or
# `__eq__`): the class-body rules asked the key itself whether it is a dunder, type() stored it as is and the
# class machinery found it by its characters -> `__subclasshook__` (which then received the real metaclass
# `type`), `__init_subclass__`, `__del__` defined past the rules.
# Published: this project's red team, round 3 (F12); the class is the str-subclass confusion of name checks
# (cf. RestrictedPython/pyjail bypasses with `str` subclasses overriding startswith/__eq__ in guarded names).
import pytest

SUBCLASSHOOK = """
class K(str):
    def startswith(self, *a):
        return False
def sub(cls, C):
    global RAWTYPE
    RAWTYPE = C
    return True
import abc
A = type("A", (abc.ABC,), {K("__subclasshook__"): classmethod(sub)})
isinstance(int, A)
print("REACHED", RAWTYPE)
X = RAWTYPE("X", (), {"__init_subclass__": lambda *a: None})
print("REACHED", X)
"""

INIT_SUBCLASS = """
class K(str):
    def startswith(self, *a):
        return False
    def __contains__(self, x):
        return False
def hook(cls, **kw):
    print("REACHED hook ran for", cls.__name__)
A = type("A", (), {K("__init_subclass__"): classmethod(hook)})
class B(A):
    pass
"""

DEL = """
class K(str):
    def startswith(self, *a):
        return False
def d(self):
    print("REACHED __del__ ran")
A = type("A", (), {K("__del__"): d})
a = A()
del a
"""

PAYLOADS = {"subclasshook": SUBCLASSHOOK, "init-subclass": INIT_SUBCLASS, "del": DEL}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_type_namespace_keys_decided_by_their_characters(fresh_guest, name):
    r = fresh_guest.run(PAYLOADS[name])
    fresh_guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])
    fresh_guest.assert_next_run_clean()


ORDINARY = r"""
class K(str):
    pass
P = type(K("Point"), (), {K("x"): 1, "y": 2, K("show"): lambda self: (self.x, self.y), K("_h"): 3})
p = P()
print(P.__name__, type(P.__name__).__name__, p.show(), sorted(k for k in P.__dict__ if not k.startswith("__")))
Q = type("Q", (P,), {"__doc__": "q", "__slots__": ()})
print(Q.__doc__, Q().show(), isinstance(Q(), P), Q.__mro__[1] is P, P._h)
"""


def test_type_with_str_subclass_keys_as_cpython(guest):
    from tests.python.native import native

    r = guest.run(ORDINARY)
    assert (str(r.status), r.stdout) == ("ok", native(ORDINARY)[0]), r
