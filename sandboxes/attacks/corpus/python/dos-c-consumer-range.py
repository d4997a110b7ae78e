# attack: dos-c-consumer-range
# category: resource-exhaustion
# tries: feed a plain range() to a C consumer that is not chunked (collections.deque(..., 0), functools.reduce with a C function, operator.countOf): the loop never returns to bytecode, so neither ticks nor the in-process watchdog stop it at the deadline
# source: RestrictedPython/CodeJail timeout discussions (C loops do not return to the eval loop); CPython docs of PyThreadState_SetAsyncExc
# verdict: status in {timeout, memory_limit} and output lacks "KEPT" and returns within 6 s
# timeout_s: 1
import collections
collections.deque(range(2 * 10 ** 9), 0)
print("KEPT")
