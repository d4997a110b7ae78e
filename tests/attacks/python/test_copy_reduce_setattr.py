# Attack: copy.copy() follows the object's __reduce_ex__ protocol; a class built with the 3-argument
# type() may define __reduce_ex__ (the class-body dunder allowlist does not apply to type()'s namespace).
# The returned state (None, {name: value}) makes copy call setattr(y, name, value) on whatever object the
# reconstructor returned, e.g. a shared library class: the write guard is bypassed and, in-process, the
# change is seen by every later run.
# Published: RestrictedPython issues on __reduce__/copy protocol abuse; pyjail write-ups ("__reduce__ via
# copy"); the brief of this project (`__reduce__` via copy, cross-run poisoning).
import pytest

PAYLOADS = [
    "import copy, fractions\ndef get():\n    return fractions.Fraction\n"
    "R = type('R', (), {'__reduce_ex__': lambda self, proto: (get, (), (None, {'limit_denominator': 'POISONED'}))})\n"
    "try:\n    copy.copy(R())\nexcept BaseException as e:\n    print(type(e).__name__)\n"
    "print('STATE', fractions.Fraction.limit_denominator)",
    "import copy, textwrap\ndef get():\n    return textwrap.TextWrapper\n"
    "R = type('R', (), {'__reduce__': lambda self: (get, (), (None, {'width': 3}))})\n"
    "try:\n    copy.deepcopy([R()])\nexcept BaseException as e:\n    print(type(e).__name__)\n"
    "print('STATE', textwrap.TextWrapper.width)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_copy_protocol_cannot_write_host_classes(fresh_guest, code):
    r = fresh_guest.run(code)
    fresh_guest.contained(r, {"violation", "error", "ok"}, forbidden=["STATE POISONED", "STATE 3"])
    fresh_guest.assert_next_run_clean()


def test_copy_of_ordinary_objects_still_works(guest):
    code = ("import copy\nclass P:\n    def __init__(self):\n        self.v = [1, [2]]\n"
            "a = P()\nb = copy.deepcopy(a)\nb.v[1].append(3)\nprint(a.v, b.v, copy.copy(a).v is a.v)")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "[1, [2]] [1, [2, 3]] True\n"), r
