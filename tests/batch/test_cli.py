"""`sandboxes batch` on a JSONL file: results, summary, pass@k, and a batch killed midway then resumed."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args, timeout=120, **kw):
    return subprocess.run([sys.executable, "-m", "sandboxes", "batch", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout, **kw)


def write_jobs(path, jobs):
    path.write_text("".join((j if isinstance(j, str) else json.dumps(j)) + "\n" for j in jobs))


def read_results(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_cli_writes_one_result_per_job_and_a_summary(tmp_path):
    jobs = []
    for i in range(12):  # tasks a, b, c of 4 samples; sample 0 of each task is wrong
        code = "print(int(input()) * 2)" if i % 4 else "print(0)"
        jobs.append({"id": f"s{i}", "lang": "python", "task": "abc"[i // 4], "code": code,
                     "tests": [{"stdin": "2\n", "expected_stdout": "4\n"}, {"stdin": "5\n", "expected_stdout": "10"}]})
    jobs += ["{not json", {"lang": "js", "code": "console.log(4)", "tests": [{"stdin": "", "expected_stdout": "4"}]},
             {"id": "s1", "lang": "python", "code": "print(1)"}]  # a repeated id: skipped
    src, out, summary = tmp_path / "jobs.jsonl", tmp_path / "results.jsonl", tmp_path / "summary.json"
    write_jobs(src, jobs)
    p = cli(src, "-o", out, "--concurrency", 2, "--summary", summary)
    assert p.returncode == 0, p.stderr
    res = {r["id"]: r for r in read_results(out)}
    assert len(res) == len(read_results(out)) == 14
    assert res[12]["verdict"] == "invalid" and "line 13" in res[12]["error"]  # the bad line's id: its line number
    assert res[13]["verdict"] == "accepted" and res[13]["lang"] == "js"
    assert [res[f"s{i}"]["verdict"] for i in range(4)] == ["wrong_answer", "accepted", "accepted", "accepted"]
    s = json.loads(summary.read_text())
    assert s["languages"]["python"]["jobs"] == 12 and s["languages"]["python"]["accepted"] == 9
    assert s["languages"]["python"]["wrong_answer"] == 3 and s["languages"]["python"]["programs_per_s"] > 0
    assert s["pass_at_k"]["tasks"] == 3 and s["pass_at_k"]["pass@1"] == pytest.approx(0.75)
    assert "pass@10" not in s["pass_at_k"]
    assert "python" in p.stdout and "pass@1 = 0.7500" in p.stdout and "repeat an id" in p.stderr
    # an existing output is never overwritten without --resume
    again = cli(src, "-o", out)
    assert again.returncode == 2 and "--resume" in again.stderr


@pytest.mark.parametrize("processes", ["0", "2"])  # threads in the batch's process; host processes
def test_killed_batch_resumes_with_every_job_exactly_once(tmp_path, processes):
    n = 24
    jobs = [{"id": i, "lang": "python", "code": "import time\ntime.sleep(0.15)\nprint(input())",
             "tests": [{"stdin": f"{i}\n", "expected_stdout": f"{i}\n"}]} for i in range(n)]
    src, out = tmp_path / "jobs.jsonl", tmp_path / "results.jsonl"
    write_jobs(src, jobs)
    proc = subprocess.Popen([sys.executable, "-m", "sandboxes", "batch", str(src), "-o", str(out),
                             "--processes", processes], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 5):
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its sandbox workers, mid-batch
        proc.wait(30)
    before = read_results(out)
    assert 5 <= len(before) < n, "the batch was not killed midway"
    with open(out, "a") as fh:  # as if the kill had cut a line short
        fh.write('{"id": 23, "verdict": "acc')
    p = cli(src, "-o", out, "--resume", "--summary", "-", "--processes", processes)
    assert p.returncode == 0, p.stderr
    after = read_results(out)
    assert after[:len(before)] == before  # nothing done before was lost or rewritten
    assert sorted(r["id"] for r in after) == list(range(n))  # every job exactly once
    assert all(r["verdict"] == "accepted" for r in after)
    summary = json.loads(p.stdout)
    assert summary["total"]["jobs"] == n and summary["run"]["jobs"] == n - len(before)
    assert "resuming" in p.stderr
    assert summary["run"]["processes"] == int(processes)
