# our own red team: a run leaves a secret wherever CPython keeps state (module globals, builtins, sys.modules,
# os.environ, sys.intern, the re and linecache caches, numpy/pandas options, the random generators, the
# heap); the next run of the same Sandbox looks for it everywhere. Each run is a fresh instance.
"""Nothing of one run reaches the next: every run starts from the snapshot's memory."""

from __future__ import annotations

import secrets

from tests.attacks.python_wasm import wguest

PLANT = r"""
import builtins, json, os, re, sys, linecache, random, functools
import numpy as np, pandas as pd
S = {secret!r}
json.planted = builtins.planted = S
sys.modules['planted_mod'] = json
os.environ['PLANTED'] = S
sys.intern(S + '-interned')
re.compile(S + '(x)')
linecache.cache['<planted>'] = (len(S), None, [S], '<planted>')
np.set_printoptions(precision=2, threshold=5)
pd.set_option('display.max_rows', 3)
np.random.seed(1234); random.seed(1234)
functools.lru_cache(maxsize=None)(lambda: S)()
sys.setrecursionlimit(77)
keep = [S * 100, bytearray(S.encode() * 100)]
print('planted')
"""

SEARCH = r"""
import builtins, json, os, re, sys, linecache, gc, random
import numpy as np, pandas as pd
needle = {needle_a!r} + {needle_b!r}
print(hasattr(json, 'planted'), hasattr(builtins, 'planted'), 'planted_mod' in sys.modules, 'PLANTED' in os.environ)
print(any(needle in str(k) for k in getattr(re, '_cache', {{}})) or any(needle in str(k) for k in getattr(re, '_cache2', {{}})),
      '<planted>' in linecache.cache)
print(np.get_printoptions()['precision'], pd.get_option('display.max_rows'), sys.getrecursionlimit())
found = any(isinstance(o, (str, bytes, bytearray)) and needle in (o if isinstance(o, str) else o.decode('latin-1'))
            for o in gc.get_objects())
print(found)
"""


def test_next_run_sees_nothing(wsb):
    secret = "S3CR3T-" + secrets.token_hex(8)
    r = wguest.run(wsb, PLANT.format(secret=secret))
    wguest.status(r, "ok")
    assert r.stdout == "planted\n"
    # the needle is built at run time from two halves, so the search program's own source never holds it
    r = wguest.run(wsb, SEARCH.format(needle_a=secret[:9], needle_b=secret[9:]))
    wguest.status(r, "ok")
    assert r.stdout == "False False False False\nFalse False\n8 60 1000\nFalse\n", r.stdout


def test_interned_string_identity_does_not_carry(wsb):
    """sys.intern of a new string in run 1; in run 2 a fresh equal string interns to itself: run 1's object is
    not in the interned table. (Not compared by address: the reactor's numpy.random.seed() allocates by the
    size of its fresh entropy, so where a run's objects land differs now and then between two runs.)"""
    code = "import sys\nf = ''.join(['zq', 'xv', '%d' % 991])\nprint(sys.intern(f) is f)"
    assert wguest.run(wsb, code).stdout == "True\n"  # as in a fresh CPython: the string was not interned yet
    assert wguest.run(wsb, code).stdout == "True\n"  # run 1 interned an equal string: it did not carry
    wguest.run(wsb, "import sys\nt = [sys.intern('pad%d' % i) for i in range(1000)]\n" + code)
    assert wguest.run(wsb, code).stdout == "True\n"


def test_random_state_differs_run_to_run(wsb):
    code = "import random, numpy as np, os\nprint(random.random(), np.random.rand(), os.urandom(8).hex())"
    outs = {wguest.run(wsb, code).stdout for _ in range(3)}
    assert len(outs) == 3
