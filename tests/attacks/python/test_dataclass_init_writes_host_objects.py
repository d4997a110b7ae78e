# Attack: the methods dataclasses generates (__init__, and object.__setattr__ for frozen classes) are
# compiled by the library, not by our transformer, so their `self.name = value` assignments skip the write
# guard. Calling the program's own dataclass's __init__ unbound on a library class or a shared library
# object writes any field name onto it: `P.__init__(fractions.Fraction, x)` replaces a method of the host's
# Fraction class (in-process: for every later run and for the host application), `Q.__init__(NormalDist, 5)`
# overwrites a __slots__ descriptor, and a frozen dataclass writes instance attributes of shared objects such
# as the `re.IGNORECASE` flag with object.__setattr__.
# Published: RestrictedPython's guarded-write model (writes are guarded only in restricted code: "unbound
# method called on a foreign object" is the classic bypass, see the Zope "guarded_setattr" notes and
# CVE-2023-37271-style escapes through library code run on the sandbox's behalf); pyjail write-ups on
# "descriptor / unbound __init__ on a foreign object".
import re

import pytest

PAYLOADS = [
    "import dataclasses, fractions\n@dataclasses.dataclass\nclass P:\n    limit_denominator: object\n"
    "try:\n    P.__init__(fractions.Fraction, 'POISONED')\nexcept BaseException as e:\n    print(type(e).__name__)\n"
    "print('STATE', fractions.Fraction.limit_denominator)",
    "import dataclasses, statistics\n@dataclasses.dataclass\nclass Q:\n    _mu: object\n"
    "try:\n    Q.__init__(statistics.NormalDist, 5)\nexcept BaseException as e:\n    print(type(e).__name__)\n"
    "print('STATE', statistics.NormalDist._mu if False else statistics.NormalDist(0, 1).mean)",
    "import dataclasses, re\n@dataclasses.dataclass(frozen=True)\nclass R:\n    _name_: object\n"
    "try:\n    R.__init__(re.IGNORECASE, 'POISONED')\nexcept BaseException as e:\n    print(type(e).__name__)\n"
    "print('STATE', repr(re.IGNORECASE))",
]


@pytest.mark.parametrize("i", range(3))
def test_generated_init_does_not_write_library_objects(fresh_guest, i):
    name = re.IGNORECASE._name_
    try:
        r = fresh_guest.run(PAYLOADS[i])
        fresh_guest.contained(r, {"violation", "error", "ok"}, forbidden=["STATE POISONED", "STATE re.POISONED"])
        if i == 1:
            assert "STATE 0.0" in r.stdout or str(r.status) in {"violation", "error"}, r
        fresh_guest.assert_next_run_clean()
    finally:
        object.__setattr__(re.IGNORECASE, "_name_", name)


def test_own_dataclass_init_on_own_objects(guest):
    code = ("import dataclasses\n@dataclasses.dataclass\nclass P:\n    x: int\nclass Q:\n    pass\n"
            "q = Q()\nP.__init__(q, 3)\nprint(q.x, P(4))")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "3 P(x=4)\n"), r
