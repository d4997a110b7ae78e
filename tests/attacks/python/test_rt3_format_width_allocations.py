# Attack: single C allocations sized by the program, with no tick after them and no memory check at the end
# of the run: format-spec widths and precisions (`f"{'a':>{n}}"`, `format(1, "0Nd")`, `"{:>N}".format`,
# `x.__format__(">N")`, `"%*s" % (n, s)`, `b"%*d"`), `int.to_bytes(n)`, and any one C call whose result ends
# the program (`sep.join(...)`, a `%` with a computed format): in-process, hundreds of MB over memory_mb
# and status ok.
# Published: this project's red team, round 3 (F7); the class is the format-string width DoS of sandboxed
# template engines (Jinja2 sandbox "format width" memory exhaustion reports; RestrictedPython's guarded
# string formatting) and of `ljust`-style padding.
import subprocess
import sys

import pytest

N = 3 * 10 ** 7  # 3x max_sequence_items (10**7); 30 MB each
CHECKED = [
    f"x = f\"{{'a':>{{{N}}}}}\"",
    f"w = {N}\nx = f\"{{1.5:.{{w}}f}}\"",
    f"x = f\"{{'a':>{N}}}\"",
    f"x = format(1, '0{N}d')",
    f"x = '{{:>{N}}}'.format('a')",
    f"x = 'a'.__format__('>{N}')",
    f"x = str.__format__('a', '>{N}')",
    f"x = '%*s' % ({N}, 'a')",
    f"x = b'%*d' % ({N}, 1)",
    f"x = '%{N}s' % 'a'",
    f"x = (0).to_bytes({N}, 'big')",
    f"x = int.to_bytes(0, {N}, 'big')",
    f"x = str.__mod__('%*s', ({N}, 'a'))",
    f"x = '%*s'.__mod__(({N}, 'a'))",
    f"S = type('S', (str,), {{}})\nx = format('a', S('>{N}'))",
    f"T = type('T', (tuple,), {{}})\nI = type('I', (int,), {{}})\nx = '%*s' % T((I({N}), 'a'))",
]
# no check sees these before C allocates: the end-of-run memory sample does (memory_mb=64 here)
ENDED_BY_ONE_CALL = [
    "fmt = '%' + '*s'\nx = fmt % (2 * 10 ** 8, 'a')",
    "s = ' ' * 10 ** 6\nx = s.join([s] * 200)",
]


@pytest.mark.parametrize("code", CHECKED)
def test_format_widths_are_checked_before_c_allocates(guest, code):
    r = guest.run(code + "\nprint('BUILT', len(x))")
    guest.contained(r, {"memory_limit", "violation"}, forbidden=["BUILT"])


@pytest.mark.parametrize("code", ENDED_BY_ONE_CALL)
def test_one_c_allocation_at_the_end_is_still_judged(guest, code):
    r = guest.run(code, memory_mb=64, timeout=10)
    guest.contained(r, {"memory_limit"})


ORDINARY = r"""
import datetime
w = 7
print(f"{'a':>{w}}|{3.14159:.{3}f}|{42:08d}|{'x':*^9}|{1234567:,}|{12:{'>'}{w}}", format(3.5, ".2f"), format(7))
print("%5s|%-*d|%.*f" % ("a", 4, 7, 2, 1.5), b"%3d" % 5, "%3d".__mod__(4), str.__mod__("%s", 1), (7).__mod__(3), "%s and %%" % "x", "%(a)s" % {"a": 1}, f"%d" % 3)
print("{:>10}".format("r"), "a".__format__(">3"), (1).to_bytes(2, "big"), int.to_bytes(1, 2, "little"),
      (5).to_bytes(), (258).to_bytes(length=2, byteorder="little"))
print(f"{datetime.date(2020, 1, 2):%Y-%m-%d}", format(datetime.date(2020, 1, 2), "%d/%m"), str.__format__("z", "^5"))
"""


@pytest.fixture(scope="module")
def native_ordinary():
    return subprocess.run([sys.executable, "-c", ORDINARY], capture_output=True, text=True, timeout=60).stdout


def test_formatting_computes_what_cpython_computes(guest, native_ordinary):
    r = guest.run(ORDINARY)
    assert (str(r.status), r.stdout) == ("ok", native_ordinary), r.stderr
