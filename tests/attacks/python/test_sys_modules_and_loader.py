# Attack: reach real modules through the interpreter's registries: sys.modules, sys._getframe,
# sys.exc_info, sys.path_importer_cache, `__loader__` / `__spec__` / `__builtins__` globals, and the
# module facade's own internals.
# Published: pyjail write-ups ("sys.modules['os']", "__loader__.load_module('os')",
# "__spec__.loader", "sys._getframe().f_back"); smolagents CVE-2025-9959 (real modules via imported ones).
import pytest

PAYLOADS = [
    "import sys\nprint('REACHED', sys.modules['os'])",
    "import sys\nprint('REACHED', getattr(sys, 'modules'))",
    "import sys\nprint('REACHED', sys._getframe(0))",
    "import sys\nprint('REACHED', getattr(sys, '_getframe'))",
    "print('REACHED', __loader__)",
    "print('REACHED', __spec__)",
    "print('REACHED', __builtins__)",
    "import sys\nprint('REACHED', sys.path_importer_cache)",
    "import sys\nprint('REACHED', sys.__dict__)",
    "import math\nprint('REACHED', getattr(math, '_sb_members'))",
    "import math\nprint('REACHED', math.__loader__)",
    "import collections\nprint('REACHED', collections.abc.__dict__)",
    "import sys\nprint('REACHED', [m for m in dir(sys) if 'modules' in m], sys.modules)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_no_route_to_the_module_registry(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED", "<module 'os'"])
