"""Host memory for tests that bound what a run costs the host process."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


def rss_mb() -> int:
    """This process's resident memory in MiB."""
    with open(f"/proc/{os.getpid()}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


@contextmanager
def peak_growth_mb() -> Iterator[list[int]]:
    """Sample RSS every 2 ms while the block runs; ``box[0]`` is then the peak growth in MiB."""
    base, peak, stop = rss_mb(), [0], threading.Event()
    box = [0]

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], rss_mb())
            time.sleep(0.002)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    try:
        yield box
    finally:
        stop.set()
        t.join()
        box[0] = max(peak[0] - base, 0)
