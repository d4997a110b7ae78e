# attack: escape-enum-functional-del
# category: resource-exhaustion
# tries: build a class with a __del__ through Enum's functional API (a mapping of names), which skips the class-body rules; its finalizer runs a C loop at the next garbage collection, after the run ended (in-process: inside the next run)
# source: Python docs, enum "Functional API"; pyjail write-ups on finalizers as deferred code execution; CWE-400
# verdict: status in {ok, violation, error} and a follow-up run is clean
import enum, collections
N = enum.IntEnum("N", {"__del__": lambda self, d=collections.deque, r=range: d(r(300000000), 0), "B": 2})
print(N.B)
del N
