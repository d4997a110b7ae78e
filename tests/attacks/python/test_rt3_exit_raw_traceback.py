# Attack: the with statement calls the program's `__exit__(exc_type, exc, tb)` with the RAW traceback object
# (WITH_EXCEPT_START passes PyException_GetTraceback): a denied value type, whose tb_frame.f_back chain is the
# host's frames (runtime._execute in-process, the worker's job loop), read out with any raw-format gadget.
# Published: this project's red team, round 3 (F4); the class is the pyjail traceback/frame walk
# (`tb.tb_frame.f_back.f_globals`, cf. CPython sandbox escapes through tracebacks and generator frames).
import pytest

POSITIONAL = """
class C:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        global T
        T = tb
        return True
with C():
    1 / 0
print("REACHED" if T is not None else "none", type(T).__name__)
print("REACHED", T.tb_lineno)
"""

VARARGS = """
class C:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        global T
        T = exc[2]
        return True
with C():
    raise KeyError(1)
print("REACHED" if T is not None else "none")
print("REACHED", T.tb_lasti)
"""

TYPE_NAMESPACE = """
L = []
C = type("C", (), {"__enter__": lambda self: self, "__exit__": lambda self, *a: L.append(a) or True})
with C():
    1 / 0
print("REACHED" if L[0][2] is not None else "none", type(L[0][2]).__name__)
"""

PAYLOADS = {"positional": POSITIONAL, "varargs": VARARGS, "type-namespace": TYPE_NAMESPACE}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_exit_never_gets_a_raw_traceback(guest, name):
    r = guest.run(PAYLOADS[name])
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])


ORDINARY = r"""
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        self.seen = (exc_type.__name__ if exc_type else None, str(exc) if exc else None)
        return exc_type is not None and issubclass(exc_type, self.types)
with Suppress(ZeroDivisionError) as s:
    1 / 0
print(s.seen)
with Suppress(KeyError) as s:
    pass
print(s.seen)
class Timer:
    def __enter__(self):
        self.log = ["enter"]
        return self
    def __exit__(self, *args):
        self.log.append(("exit", args[0].__name__ if args[0] else None, len(args)))
with Timer() as t:
    x = 1
print(t.log)
class Base:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        return False
class Sub(Base):
    def __exit__(self, et, ev, tb):
        print("sub exit", et.__name__ if et else None)
        return super().__exit__(et, ev, tb)
try:
    with Sub():
        raise ValueError("v")
except ValueError as e:
    print("propagated", e)
"""


def test_context_managers_as_cpython(guest):
    from tests.python.native import native

    r = guest.run(ORDINARY)
    assert (str(r.status), r.stdout) == ("ok", native(ORDINARY)[0]), r
