"""The comparison modes and pass@k, as plain functions (no sandbox)."""
import math

import pytest

from sandboxes._batch import outputs_match
from sandboxes._batch._summary import pass_at, pass_at_k, summarize


@pytest.mark.parametrize("actual, expected, mode, tol, same", [
    ("3\n", "3\n", "exact", 0, True),
    ("3", "3\n", "exact", 0, False),
    ("3 \n", "3\n", "exact", 0, False),
    ("3  \n\n\n", "3\n", "trailing_whitespace", 0, True),
    ("3\r\n4\r\n", "3\n4", "trailing_whitespace", 0, True),
    (" 3\n", "3\n", "trailing_whitespace", 0, False),  # leading whitespace counts
    ("3\n\n4\n", "3\n4\n", "trailing_whitespace", 0, False),  # a blank line inside counts
    ("1 2\n3", "1\n2 3\n", "tokens", 0, True),
    ("0.3333333", "0.333333333333", "tokens", 1e-6, True),
    ("0.3334", "0.3333", "tokens", 1e-6, False),
    ("1000000.5", "1000000.0", "tokens", 1e-6, True),  # relative
    ("1e-9", "0", "tokens", 1e-6, True),  # absolute
    ("nan", "nan", "tokens", 1e-6, True),
    ("nan", "0", "tokens", 1e-6, False),
    ("inf", "inf", "tokens", 1e-6, True),
    ("abc", "abd", "tokens", 1e-6, False),
    ("1 2", "1 2 3", "tokens", 1e-6, False),
    ("YES", "yes", "tokens", 1e-6, False),
])
def test_compare_modes(actual, expected, mode, tol, same):
    assert outputs_match(actual, expected, mode, tol) is same


def test_pass_at_k_against_hand_computed_values():
    # n=5, c=2: pass@1 = c/n; pass@2 = 1 - C(3,2)/C(5,2) = 1 - 3/10; pass@3 = 1 - C(3,3)/C(5,3) = 1 - 1/10.
    assert pass_at_k(5, 2, 1) == pytest.approx(0.4)
    assert pass_at_k(5, 2, 2) == pytest.approx(0.7)
    assert pass_at_k(5, 2, 3) == pytest.approx(0.9)
    assert pass_at_k(5, 2, 4) == 1.0  # n - c < k: some correct sample is always drawn
    assert pass_at_k(5, 0, 3) == 0.0
    # n=20, c=3, k=10: 1 - C(17,10)/C(20,10) = 1 - 19448/184756
    assert pass_at_k(20, 3, 10) == pytest.approx(1 - 19448 / 184756)
    # large n stays exact where the binomials overflow floats
    assert pass_at_k(200, 13, 100) == pytest.approx(1 - math.comb(187, 100) / math.comb(200, 100))
    with pytest.raises(ValueError):
        pass_at_k(3, 4, 1)


def test_pass_at_over_tasks_only_for_k_every_task_allows():
    results = ([{"task": "a", "verdict": "accepted"}] * 3 + [{"task": "a", "verdict": "wrong_answer"}] * 7
               + [{"task": "b", "verdict": "accepted"}] * 1 + [{"task": "b", "verdict": "invalid"}] * 11
               + [{"verdict": "accepted"}])  # no task: not a sample
    got = pass_at(results)
    assert got["tasks"] == 2 and got["samples"] == 22
    assert got["pass@1"] == pytest.approx((3 / 10 + 1 / 12) / 2)
    # a: 1 - C(7,10)/C(10,10) = 1 (n - c < k); b: 1 - C(11,10)/C(12,10) = 1 - 11/66
    assert got["pass@10"] == pytest.approx((1.0 + (1 - 11 / 66)) / 2)
    assert "pass@100" not in got  # 10 samples of task a are too few


def test_summary_counts_each_verdict_per_language():
    s = summarize([{"lang": "go", "verdict": "accepted"}, {"lang": "go", "verdict": "time_limit"},
                   {"lang": "python", "verdict": "accepted", "task": 1}],
                  seconds={"go": 2.0, "python": 1.0, "all": 2.0}, ran={"go": 2, "python": 1, "all": 3})
    assert s["languages"]["go"]["jobs"] == 2 and s["languages"]["go"]["time_limit"] == 1
    assert s["languages"]["go"]["programs_per_s"] == 1.0
    assert s["total"]["accepted"] == 2 and s["total"]["programs_per_s"] == 1.5
    assert s["pass_at_k"] == {"tasks": 1, "samples": 1, "pass@1": 1.0}
