# Attack: the class-body rules (no __del__, no __getattribute__, no descriptors...) apply to class statements
# and type(), but Enum's functional API builds a class from any mapping: enum.IntEnum("N", {"__del__": f,
# "B": 2}) gives its members a finalizer written by the program. After `del N` the members die at the next
# garbage collection -- in the host, typically during the *next* in-process run -- and the dead run's
# lambda (its names bound through default arguments, so no guard is needed) spins in C there: the next run
# stalls for seconds and ends with a status it did not earn.
# Published: Python docs, enum "Functional API" (names may be a mapping of name -> value); pyjail write-ups
# on finalizers (__del__) as deferred code execution outside a sandbox's time window; CWE-400.
import time


ATTACK = ("import enum, collections\n"
          "try:\n"
          "    N = enum.IntEnum('N', {'__del__': lambda self, d=collections.deque, r=range: d(r(300000000), 0),"
          " 'B': 2})\n"
          "    print('MADE', N.B)\n"
          "    del N\n"
          "except BaseException as e:\n"
          "    print(type(e).__name__)\n")
FOLLOW = "x = [[i] for i in range(200000)]\nprint('second', len(x))"


def test_enum_functional_api_cannot_define_a_finalizer(fresh_guest):
    r = fresh_guest.run(ATTACK)
    fresh_guest.contained(r, {"ok", "violation", "error"})
    t0 = time.monotonic()
    r2 = fresh_guest.run(FOLLOW)
    took = time.monotonic() - t0
    assert (str(r2.status), r2.stdout) == ("ok", "second 200000\n"), r2
    assert took < 1.5, f"the next run took {took:.2f}s: a finalizer of the previous run ran inside it"


def test_enum_functional_api_with_plain_members_works(guest):
    r = guest.run("import enum\nC = enum.Enum('C', {'RED': 1, 'GREEN': 2})\nprint(C.RED.name, C(2).name)")
    assert (str(r.status), r.stdout) == ("ok", "RED GREEN\n"), r
