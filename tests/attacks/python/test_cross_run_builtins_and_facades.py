# Attack: change the builtins or a module facade so the next run sees it: rebind a builtin in the builtins
# dict, set attributes on builtin functions/types, assign/delete module attributes (math.pi = 3,
# del math.sqrt, setattr), write through the facade's internals, mutate sys.argv / sys.stdout.
# Published: RestrictedPython advisories on shared builtins ("safe_builtins is a module-level dict",
# GHSA advisories 2023-2024); smolagents executor state leaks between runs; this project's brief.
import pytest

PAYLOADS = [
    "import math\nmath.pi = 3",
    "import math\nsetattr(math, 'pi', 3)",
    "import math\ndel math.sqrt",
    "import math\ndelattr(math, 'sqrt')",
    "len.__name__ = 'x'",
    "str.upper = lambda s: 'X'",
    "setattr(int, 'x', 1)",
    "setattr(print, 'x', 1)",
    "import sys\nsys.argv.append('x')\nsys.argv[0] = 'evil'",
    "import sys\nsys.stdout.write = None",
    "import sys\nsys.version = 'x'",
    "import collections.abc\ncollections.abc.Sequence.register(int)",
    "import numbers\nnumbers.Number.register(str)",
    "import random\nrandom.seed(1)\nrandom.Random.random = lambda self: 0.5",
    "import sys\nsys.setrecursionlimit(50)\nprint(sys.getrecursionlimit())",
    "import itertools\nitertools.count = None",
    "import decimal\ndecimal.getcontext().prec = 2\ndecimal.DefaultContext.prec = 2",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_builtins_and_facades_are_per_run_or_read_only(guest, code):
    r = guest.run(code)
    guest.contained(r, {"error", "violation", "ok"})
    guest.assert_next_run_clean()


def test_random_seed_does_not_carry_over(guest):
    seeded = "import random\nrandom.seed(12345)\nprint([random.random() for _ in range(3)])"
    first = guest.run(seeded)
    guest.contained(first, {"ok"})
    r = guest.run("import random\nprint([random.random() for _ in range(3)])")
    guest.contained(r, {"ok"})
    assert r.stdout != first.stdout, "the next run continued the previous run's seeded generator"
