# Attack: run an endless or huge loop inside C so no inserted tick runs: sum(range(10**12)),
# list(itertools.count()), sorted(itertools.repeat(1)), max(itertools.cycle([1])), any(iter(int, 1)),
# ''.join(itertools.repeat('')), collections.deque(itertools.count(), 0), set(itertools.count()).
# Published: RestrictedPython/CodeJail timeout discussions (C loops do not return to the eval loop);
# this project's brief (`sum(range(10**12))`, `list(itertools.count())`).
import pytest

PAYLOADS = [
    "print(sum(range(10 ** 12)))",
    "import itertools\nprint(list(itertools.count()))",
    "import itertools\nprint(sorted(itertools.repeat(1)))",
    "import itertools\nprint(max(itertools.cycle([1, 2])))",
    "print(any(iter(int, 1)))",
    "import itertools\nprint(''.join(itertools.repeat('')))",
    "import collections, itertools\ncollections.deque(itertools.count(), 0)",
    "import itertools\nprint(len(set(itertools.repeat(1))))",
    "print(sum(map(abs, range(10 ** 12))))",
    "print(all(iter(lambda: 1, 0)))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_c_level_loops_end_at_the_deadline(guest, code):
    r = guest.run(code, timeout=1.0, wall=8.0)
    guest.contained(r, {"timeout", "memory_limit"}, max_wall=3.0)
