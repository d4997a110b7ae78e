# round-4 red team: contextmanager generator's gi_frame, an exception's __traceback__, object.__setattr__ on a module.
import pytest

FRAME_PAYLOADS = [
    "import contextlib\n@contextlib.contextmanager\ndef g():\n    yield 1\ncm = g()\nprint(cm.gen.gi_frame.f_globals)",
    "try:\n    raise ValueError('x')\nexcept ValueError as e:\n    print(e.__traceback__.tb_frame)",
]


@pytest.mark.parametrize("code", FRAME_PAYLOADS)
def test_frames_unreachable(guest, code):
    r = guest.run(code)
    guest.contained(r, {"violation"})


def test_object_setattr_on_module(guest):
    r = guest.run("import json\nobject.__setattr__(json, 'dumps', 1)\nprint(json.dumps)")
    guest.contained(r, {"error", "violation"})
    assert "<built-in" not in r.stdout and "1\n" != r.stdout
    guest.assert_next_run_clean()
