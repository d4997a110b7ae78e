# Found by our own red team, round 7 (F1, own reading of runtime.py's _Report): the uncaught exception's report
# is made after the deadline. An exception raised again and again in a loop carries millions of traceback
# entries (all folded: nothing written, so the output cap never stops the walk), and an exception group can
# name it 15 x 15 times: 227 s in-process under a 2 s timeout before the fix. The fix: one report walks at most
# _MAX_WALK entries in all.
PAYLOAD = """
import time
t = time.monotonic()
e = ValueError("x")
while time.monotonic() - t < 0.8:
    for i in range(1000):
        try:
            raise e
        except ValueError:
            pass
print("BUILT")
raise ExceptionGroup("g", [ExceptionGroup("g", [e] * 15)] * 15)
"""


def test_a_group_naming_a_long_traceback_is_reported_in_bounded_time(guest):
    r = guest.run(PAYLOAD, timeout=2.0, wall=60.0)
    guest.contained(r, {"error", "timeout", "output_limit"}, max_wall=12.0)
    if str(r.status) == "error":
        assert r.stderr.startswith("  + Exception Group Traceback (most recent call last):\n"), r.stderr[:300]
