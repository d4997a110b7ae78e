"""sandboxes.batch(): verdicts per test case, compile once run many, bad jobs, ordered and unordered."""
import dataclasses
import os
import random

import pytest

import sandboxes
from sandboxes import Sandbox

ADD_PY = "a, b = map(int, input().split())\nprint(a + b)\n"
ADD_GO = ('package main\n\nimport "fmt"\n\nfunc main() {\n\tvar a, b int\n\tfmt.Scan(&a, &b)\n'
          '\tfmt.Println(a + b)\n}\n')


def cases_for(pairs):
    return [{"stdin": f"{a} {b}\n", "expected_stdout": f"{a + b}\n", "name": f"{a}+{b}"} for a, b in pairs]


@pytest.fixture(scope="module")
def sb():
    with Sandbox() as s:
        yield s


def by_id(results):
    out = {r["id"]: r for r in results}
    assert len(out) == len(results)
    return out


def test_verdicts_of_python_and_javascript(sb):
    one = [{"stdin": "", "expected_stdout": "1\n"}]
    jobs = [
        {"id": "accepted", "lang": "python", "code": ADD_PY, "tests": cases_for([(1, 2), (40, 2)])},
        {"id": "wrong", "lang": "python", "code": ADD_PY, "tests": [
            {"stdin": "1 2\n", "expected_stdout": "3\n"}, {"stdin": "2 2\n", "expected_stdout": "5\n"}]},
        {"id": "tle", "lang": "python", "code": "while True:\n    pass\n", "timeout": 0.5, "tests": one},
        {"id": "mle", "lang": "python", "code": "x = bytearray(10**9)\nprint(len(x))\n", "tests": one},
        {"id": "ole", "lang": "python", "code": "while True:\n    print('x' * 1000)\n", "tests": one},
        {"id": "rte", "lang": "python", "code": "print(1 // int(input()))\n",
         "tests": [{"stdin": "1\n", "expected_stdout": "1\n"}, {"stdin": "0\n", "expected_stdout": "0\n"}]},
        {"id": "ce", "lang": "python", "code": "def f(:\n", "tests": one * 5},
        {"id": "refused", "lang": "python", "code": "print(().__class__.__subclasses__())\n", "tests": one * 5},
        {"id": "js_tokens", "lang": "js", "code": "console.log((1/3).toFixed(8), 'x')", "compare": "tokens",
         "tests": [{"stdin": "", "expected_stdout": "0.333333333 x\n"}]},
        {"id": "js_exact", "lang": "js", "code": "console.log('1 ')", "compare": "exact", "tests": one},
        {"id": "js_trailing", "lang": "js", "code": "console.log('1 ')", "tests": one},
        {"id": "js_rte", "lang": "js", "code": "throw new Error('no')", "tests": one},
        {"id": "js_ce", "lang": "js", "code": "let = = 1;", "tests": one * 3},
        {"id": "no_tests", "lang": "python", "code": "print(input())", "stdin": "hi\n"},
    ]
    res = by_id(list(sandboxes.batch(jobs, sandbox=sb, concurrency=2)))
    verdict = {k: r["verdict"] for k, r in res.items()}
    assert verdict == {"accepted": "accepted", "wrong": "wrong_answer", "tle": "time_limit", "mle": "memory_limit",
                       "ole": "output_limit", "rte": "runtime_error", "ce": "compile_error", "refused": "refused",
                       "js_tokens": "accepted", "js_exact": "wrong_answer", "js_trailing": "accepted",
                       "js_rte": "runtime_error", "js_ce": "compile_error", "no_tests": "accepted"}
    assert (res["wrong"]["passed"], res["wrong"]["total"]) == (1, 2)
    assert [t["verdict"] for t in res["wrong"]["tests"]] == ["accepted", "wrong_answer"]
    assert res["wrong"]["tests"][1]["stdout"] == "4\n"  # a wrong answer keeps what the program printed
    assert [t["verdict"] for t in res["rte"]["tests"]] == ["accepted", "runtime_error"]
    assert "ZeroDivisionError" in res["rte"]["tests"][1]["stderr"]
    # checked once: a compile error or a static refusal is the verdict of every case, run once
    for key in ("ce", "refused", "js_ce"):
        statuses = [t["status"] for t in res[key]["tests"]]
        assert statuses[0] != "not_run" and set(statuses[1:]) == {"not_run"}, (key, statuses)
        assert {t["verdict"] for t in res[key]["tests"]} == {verdict[key]}
    assert res["no_tests"]["stdout"] == "hi\n" and res["no_tests"]["status"] == "ok"
    assert res["accepted"]["lang"] == "python" and "stdout" not in res["accepted"]["tests"][0]


def test_stop_on_failure_skips_the_remaining_cases(sb):
    job = {"id": 1, "lang": "python", "code": ADD_PY, "stop_on_failure": True,
           "tests": [{"stdin": "1 1\n", "expected_stdout": "3\n"}] + cases_for([(1, 2), (3, 4)])}
    (r,) = sandboxes.batch([job], sandbox=sb)
    assert r["verdict"] == "wrong_answer" and r["passed"] == 0
    assert [t["verdict"] for t in r["tests"]] == ["wrong_answer", "skipped", "skipped"]


def test_bad_jobs_get_their_own_result_and_the_rest_run(sb):
    good = {"lang": "python", "code": "print(2)", "tests": [{"stdin": "", "expected_stdout": "2"}]}
    jobs = [
        {"id": 0, **good},
        "not a job",
        {"id": 2, "lang": "cobol", "code": "DISPLAY 2."},
        {"id": 3, "lang": "python"},
        {"id": 4, **good, "timeout": 1e9},
        {"id": 5, **good, "compare": "fuzzy"},
        {"id": 6, **good, "tests": [{"stdin": ""}]},
        {"id": 7, **good, "tets": []},
        {"id": 8, "lang": "python", "code": b"print(1)"},
        {"id": 9, **good, "memory_mb": -1},
        {"id": 10, **good},
    ]
    res = by_id(list(sandboxes.batch(iter(jobs), sandbox=sb, concurrency=2)))
    assert sorted(res) == list(range(11))  # "not a job" has no id: its position is its id
    assert res[0]["verdict"] == res[10]["verdict"] == "accepted"
    for i in range(1, 10):
        assert res[i]["verdict"] == "invalid" and res[i]["error"], res[i]
    assert "cobol" in res[2]["error"] and "code" in res[3]["error"] and "ceiling" in res[4]["error"]
    assert "compare" in res[5]["error"] and "expected_stdout" in res[6]["error"] and "tets" in res[7]["error"]


def test_bad_arguments_raise_at_the_call():
    with pytest.raises(sandboxes.LimitError):
        sandboxes.batch([], concurrency=0)
    with pytest.raises(sandboxes.LimitError):
        sandboxes.batch([], chunk_size=0, cluster="tcp://127.0.0.1:1")


def test_unordered_yields_as_completed_and_ordered_keeps_input_order(sb):
    slow = {"id": 0, "lang": "python", "code": "import time\ntime.sleep(1)\nprint(0)", "timeout": 20}
    fast = [{"id": i, "lang": "python", "code": f"print({i})"} for i in range(1, 6)]
    unordered = [r["id"] for r in sandboxes.batch([slow, *fast], sandbox=sb, concurrency=2)]
    assert sorted(unordered) == list(range(6)) and unordered[0] != 0  # the slow job came later
    ordered = list(sandboxes.batch([slow, *fast], sandbox=sb, concurrency=2, ordered=True))
    assert [r["id"] for r in ordered] == list(range(6))
    assert [r["stdout"] for r in ordered] == [f"{i}\n" for i in range(6)]


def test_go_program_with_20_cases_is_compiled_once(go_policy):
    code = ADD_GO + f"\n// {random.getrandbits(64)}: a program new to every cache\n"
    cases = cases_for([(i, 2 * i) for i in range(20)])
    cases[7]["expected_stdout"] = "wrong\n"
    broken = ADD_GO.replace("a + b", "a + c") + f"// {random.getrandbits(64)}\n"
    jobs = [{"id": "add", "lang": "go", "code": code, "tests": cases},
            {"id": "ce", "lang": "go", "code": broken, "tests": cases},
            {"id": "refused", "lang": "go", "tests": cases,
             "code": 'package main\n\nimport "os/exec"\n\nfunc main() { exec.Command("id") }\n'}]
    res = by_id(list(sandboxes.batch(jobs, policy=go_policy, concurrency=2)))
    add = res["add"]
    assert add["verdict"] == "wrong_answer" and add["passed"] == 19 and add["tests"][7]["verdict"] == "wrong_answer"
    caches = [t["cache"] for t in add["tests"]]
    assert caches[0] == "miss" and set(caches[1:]) == {"memory"}, caches  # built and compiled once
    assert res["ce"]["verdict"] == "compile_error"
    assert [t["status"] for t in res["ce"]["tests"]].count("not_run") == 19
    assert "undefined: c" in res["ce"]["tests"][0]["stderr"]
    assert res["refused"]["verdict"] == "refused"
    assert [t["status"] for t in res["refused"]["tests"]].count("not_run") == 19


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: the batch's pools have one worker")
def test_a_batch_runs_as_many_javascript_programs_at_once_as_its_concurrency():
    # The shipped policy has one long-lived JS worker (javascript.workers: 1); a batch of
    # concurrency 2 sizes its own sandbox's pool to 2, so two programs run at the same time.
    spin = "const t0 = Date.now(); while (Date.now() - t0 < 3000) {} console.log(t0, Date.now()); // "
    jobs = [{"id": i, "lang": "javascript", "code": spin + str(i), "timeout": 30} for i in range(2)]
    res = list(sandboxes.batch(jobs, concurrency=2))
    assert [r["verdict"] for r in res] == ["accepted", "accepted"], res
    (start_a, end_a), (start_b, end_b) = (map(int, r["stdout"].split()) for r in res)
    assert max(start_a, start_b) < min(end_a, end_b)  # the two runs overlap
    sized = sandboxes._batch._sized_sandbox(None, 2)
    assert sized.policy.javascript.workers == 2
    assert sized.policy.sha256 == sandboxes.default_policy().sha256
    assert sandboxes._batch._sized_sandbox(None, 1).policy.javascript.workers == 1


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: the batch's pools have one worker")
def test_a_batch_sizes_the_wasm_python_workers_not_the_restricted_engines_children():
    base = sandboxes.default_policy()
    one = dataclasses.replace(base.python, workers=1)
    wasm = dataclasses.replace(base, python=dataclasses.replace(one, engine="wasm"))
    assert sandboxes._batch._sized_sandbox(wasm, 2).policy.python.workers == 2
    restricted = dataclasses.replace(base, python=one)
    assert sandboxes._batch._sized_sandbox(restricted, 2).policy.python.workers == 1
