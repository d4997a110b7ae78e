"""``Result.from_dict``: strict, because its input may come from a process that ran guest code."""

from __future__ import annotations

import json

import pytest

from sandboxes.result import Result, Status, Violation


def _full() -> Result:
    return Result("go", Status.OK, "out", "err", 3, 0.5, (Violation("import", "no", 1, 2),),
                  ("language", "process"), "abc", {"cache": "miss", "nested": {"a": [1, 2]}})


def test_round_trip_through_json():
    r = _full()
    assert Result.from_dict(json.loads(json.dumps(r.to_dict()))) == r


def test_defaults_for_missing_optional_fields():
    r = Result.from_dict({"lang": "python", "status": "error"})
    assert (r.stdout, r.exit_code, r.violations, r.extra) == ("", None, (), {})


@pytest.mark.parametrize(("change", "field"), [
    ({"exit_code": "0"}, "exit_code"),
    ({"exit_code": True}, "exit_code"),
    ({"exit_code": 1 << 70}, "exit_code"),
    ({"exit_code": 1.0}, "exit_code"),
    ({"stdout": b"x"}, "stdout"),
    ({"stderr": None}, "stderr"),
    ({"lang": 7}, "lang"),
    ({"status": "pwned"}, "status"),
    ({"status": None}, "status"),
    ({"duration_s": "1"}, "duration_s"),
    ({"duration_s": float("inf")}, "duration_s"),
    ({"duration_s": -0.5}, "duration_s"),
    ({"violations": "x"}, "violations"),
    ({"violations": [{"kind": "import"}]}, "violations"),
    ({"violations": [{"kind": "import", "detail": "d", "line": "3"}]}, "line"),
    ({"violations": [{"kind": "import", "detail": "d", "evil": 1}]}, "violations"),
    ({"isolation": [1]}, "isolation"),
    ({"isolation": "language"}, "isolation"),
    ({"run_id": 5}, "run_id"),
    ({"extra": []}, "extra"),
    ({"unknown": 1}, "unknown field"),
])
def test_every_field_is_type_checked(change, field):
    d = {**_full().to_dict(), **change}
    with pytest.raises(ValueError, match=field):
        Result.from_dict(d)


def test_not_a_dict_or_missing_required():
    for bad in ([], "ok", None, {"lang": "go"}, {"status": "ok"}):
        with pytest.raises(ValueError):
            Result.from_dict(bad)
