# Found by our own red team, round 7 (F2, own reading of runtime.py's _live_message and _safe_str): an uncaught
# exception's texts are rendered while the run is live, under its deadline; the watchdog's one TimeoutError
# can land inside the repr of one exception's arguments (C code), where _safe_str's `except BaseException`
# swallowed it, and the walk went on over every link: a 1000-link chain of KeyError(a list of a million) took
# 40.9 s in-process under a 2 s timeout. The fix: the walk ends at the run's stop.
PAYLOAD = """
big = list(range(10**6))
prev = None
for i in range(1000):
    try:
        raise KeyError(big) from prev
    except KeyError as e:
        prev = e
print("BUILT")
raise prev
"""


def test_a_stop_while_the_report_texts_render_ends_the_run(guest):
    r = guest.run(PAYLOAD, timeout=2.0, wall=60.0)
    guest.contained(r, {"timeout", "memory_limit", "output_limit"}, max_wall=8.0)
