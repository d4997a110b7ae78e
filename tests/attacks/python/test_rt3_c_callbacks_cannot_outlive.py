# Attack: keep a run alive past its deadline from program callbacks that C library code calls in a loop,
# each swallowing the sandbox's stop (`except BaseException: pass`): json object_hook, re.sub replacement
# functions, sorted(key=...), heapq with a looping __lt__, map() consumed by a C constructor.
# Published: "swallow the timeout" tricks against Python sandboxes (RestrictedPython issue tracker,
# smolagents LocalPythonExecutor DoS advisories 2025); pyjail write-ups on C-driven callbacks.
import pytest

SWALLOW = """
def cb(*a):
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass
"""

PAYLOADS = {
    "json-object-hook": SWALLOW + "import json\njson.loads('[' + ','.join(['{}'] * 1000) + ']', object_hook=cb)",
    "re-sub-callback": SWALLOW + "import re\nre.sub('a', cb, 'a' * 1000)",
    "sorted-key": SWALLOW + "sorted(range(1000), key=cb)",
    "heapq-lt": SWALLOW + ("import heapq\nclass X:\n    def __lt__(self, o):\n        return cb()\n"
                           "h = []\nfor i in range(10):\n    heapq.heappush(h, X())"),
    "map-into-tuple": SWALLOW + "tuple(map(cb, range(1000)))",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_callbacks_from_c_cannot_keep_the_run_alive(guest, name):
    r = guest.run(PAYLOADS[name], timeout=1.0, wall=20.0)
    guest.contained(r, {"timeout"}, max_wall=20.0)
