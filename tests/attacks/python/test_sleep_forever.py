# Attack: block past the deadline without using CPU: time.sleep(huge), sleep(inf), sleep(nan), a sleep
# in a loop, waiting on input() with no stdin, sleeping inside a __del__ or a finally at the end of a run.
# Published: sandbox DoS write-ups ("time.sleep(10**9)"); wasmtime/Go notes in this project's
# ENGINE-NOTES (a guest blocked in a host call holds the thread); this project's brief.
import pytest

PAYLOADS = [
    ("import time\ntime.sleep(10 ** 6)", {"timeout"}),
    ("import time\ntime.sleep(float('inf'))", {"timeout"}),
    ("import time\ntime.sleep(float('nan'))", {"error", "timeout"}),
    ("import time\nwhile True:\n    time.sleep(0.01)", {"timeout"}),
    ("import time\ntry:\n    pass\nfinally:\n    time.sleep(100)", {"timeout"}),
    ("import time\nf = time.sleep\nf(1e300)", {"timeout"}),
    ("print(input())", {"error"}),
]


@pytest.mark.parametrize("code,statuses", PAYLOADS)
def test_sleeps_end_at_the_deadline(guest, code, statuses):
    r = guest.run(code, timeout=1.0)
    guest.contained(r, statuses, max_wall=3.0)
