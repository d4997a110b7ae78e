# Attack: a generator's gi_frame (and a coroutine's cr_frame) leads to f_back.f_globals of the caller,
# i.e. the host's frames and module globals; gi_code leads to code objects.
# Published: RestrictedPython CVE-2023-37271 (GHSA-wqc8-x2pr-7jqh, "Arbitrary code execution via stack
# frame sandbox escape" using generator gi_frame); pyjail write-ups ("(x for x in()).gi_frame.f_back").
import pytest

PAYLOADS = [
    "g = (x for x in [1])\nprint('REACHED', g.gi_frame.f_back.f_globals)",
    "g = (x for x in [1])\nf = getattr(g, 'gi_' + 'frame')\nprint('REACHED', f)",
    "g = (x for x in [1])\nprint('REACHED', getattr(g, 'gi_code'))",
    "def gen():\n    yield 1\ng = gen()\nnext(g)\nfr = getattr(g, 'gi_frame', None)\nprint('REACHED', fr)",
    "g = (x for x in [1])\nprint('REACHED', '{0.gi_frame.f_back}'.format(g))",
    "def gen():\n    yield 1\ng = gen()\nmatch g:\n    case object(gi_frame=f):\n        print('REACHED', f)",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_frames_of_generators_are_unreachable(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation"}, forbidden=["REACHED", "<frame"])
