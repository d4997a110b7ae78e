"""batch(processes=N): jobs in host processes of their own, the same verdicts as in one process, and
a host process killed mid-batch loses no job and counts none twice."""
import os
import signal
import subprocess
import time

import pytest

import sandboxes

SLOW = "t = 0\nfor i in range(300000):\n    t += i\nprint(t)\n"
ONE = [{"stdin": "", "expected_stdout": "1\n"}]


def jobs():
    return [
        {"id": "ok", "lang": "python", "code": "print(1)", "tests": ONE},
        {"id": "wrong", "lang": "python", "code": "print(2)", "tests": ONE},
        {"id": "raises", "lang": "python", "code": "1/0", "tests": ONE},
        {"id": "refused", "lang": "python", "code": "import os\nprint(1)", "tests": ONE},
        {"id": "syntax", "lang": "python", "code": "def (", "tests": ONE},
        {"id": "tle", "lang": "python", "code": "while True:\n    pass\n", "timeout": 0.3, "tests": ONE},
        {"id": "stdin", "lang": "python", "code": "print(int(input()) + 1)",
         "tests": [{"stdin": "0\n", "expected_stdout": "1\n"}, {"stdin": "1\n", "expected_stdout": "3\n"}]},
        {"id": "nolang", "code": "print(1)"},
        {"id": "badlang", "lang": "cobol", "code": "x"},
        "not a job",
        *({"id": f"n{i}", "lang": "python", "code": f"print({i})",
           "tests": [{"expected_stdout": f"{i}\n"}]} for i in range(6)),
    ]


def judged(res):
    """A result without what differs between two runs of the same program (times, the error's wording)."""
    out = {k: v for k, v in res.items() if k not in ("duration_s",)}
    out["tests"] = [{k: v for k, v in t.items() if k != "duration_s"} for t in res.get("tests", [])]
    return out


def test_same_results_as_in_process_ordered_and_not():
    here = list(sandboxes.batch(jobs(), concurrency=2, ordered=True))
    there = list(sandboxes.batch(jobs(), processes=2, ordered=True))
    assert [r["id"] for r in there] == [r["id"] for r in here]
    assert [judged(r) for r in there] == [judged(r) for r in here]
    assert {r["id"]: r["verdict"] for r in here}["tle"] == "time_limit"
    unordered = list(sandboxes.batch(jobs(), processes=3, chunk_size=1))
    assert sorted(map(str, (r["id"] for r in unordered))) == sorted(map(str, (r["id"] for r in here)))


def test_bad_arguments():
    for bad in (-1, True, 1.5):
        with pytest.raises(sandboxes.LimitError):
            sandboxes.batch([], processes=bad)
    with sandboxes.Sandbox() as sb, pytest.raises(sandboxes.LimitError):
        sandboxes.batch([], processes=2, sandbox=sb)


def _host_processes():
    """The batch's host processes: this process's children running ``_procs``."""
    argv = ["pgrep", "-P", str(os.getpid()), "-f", "sandboxes._batch._procs"]  # noqa: S607 - procps
    out = subprocess.run(argv,  # noqa: S603
                         capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def test_a_killed_host_process_loses_no_job_and_counts_none_twice():
    n = 16
    work = [{"id": i, "lang": "python", "code": SLOW, "tests": [{"expected_stdout": f"{sum(range(300000))}\n"}]}
            for i in range(n)]
    results = []
    killed = None
    it = sandboxes.batch(work, processes=2, chunk_size=2)
    for res in it:
        results.append(res)
        if killed is None and len(results) == 2:
            hosts = _host_processes()
            assert len(hosts) == 2
            killed = hosts[0]
            os.kill(killed, signal.SIGKILL)
    assert killed is not None
    ids = [r["id"] for r in results]
    assert sorted(ids) == list(range(n))  # every job once: none lost, none twice
    assert all(r["verdict"] == "accepted" for r in results), [r for r in results if r["verdict"] != "accepted"]
    deadline = time.monotonic() + 10
    while _host_processes() and time.monotonic() < deadline:  # the batch's processes end with it
        time.sleep(0.05)
    assert _host_processes() == []


def test_a_job_whose_host_keeps_dying_gets_an_error_result(monkeypatch):
    from sandboxes._batch import _chunks

    calls = []

    def submit(chunk):
        calls.append(chunk)
        return len(calls) - 1

    answers = {}

    def next_done():
        key = len(answers)
        answers[key] = True
        chunk = calls[key]

        def get():
            if any(job == "boom" for _seq, job in chunk):
                raise RuntimeError("died")
            return [(seq, {"id": seq, "verdict": "accepted"}) for seq, _job in chunk]

        return key, get

    got = list(_chunks.run_chunks(iter(["a", "boom", "c", "d"]), submit=submit, next_done=next_done,
                                  is_death=lambda e: str(e) == "died", chunk_size=2, window=1, who="the hosts"))
    by_seq = dict(got)
    assert sorted(by_seq) == [0, 1, 2, 3] and len(got) == 4
    assert by_seq[1]["verdict"] == "error" and "the hosts running this job died" in by_seq[1]["error"]
    assert all(by_seq[s]["verdict"] == "accepted" for s in (0, 2, 3))
