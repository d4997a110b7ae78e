"""The facade: caller mistakes raise, everything the code does is a Result."""
import json
import threading
import time

import pytest

import sandboxes
from sandboxes import LimitError, Result, SandboxError, Status, UnknownLanguageError


@pytest.fixture(scope="module")
def sb():
    with sandboxes.Sandbox() as s:
        yield s


@pytest.mark.parametrize("lang", ["cobol", "", "pyton", None, 3, "x" * 10_000])
def test_unknown_language(sb, lang):
    with pytest.raises((UnknownLanguageError, SandboxError)) as info:
        sb.run(lang, "print(1)")
    assert len(str(info.value)) < 300


@pytest.mark.parametrize("alias", ["python", "py", "Python", "python3"])
def test_aliases(sb, alias):
    assert sb.run(alias, "print(1)").lang == "python"


@pytest.mark.parametrize("timeout", [-1, 0, float("nan"), float("inf"), "2", True, 10_000])
def test_bad_timeouts_raise(sb, timeout):
    with pytest.raises(LimitError):
        sb.run("python", "print(1)", timeout=timeout)


@pytest.mark.parametrize("mem", [-5, 0, 1.5, 10**9])
def test_bad_memory_raises(sb, mem):
    with pytest.raises(LimitError):
        sb.run("python", "print(1)", memory_mb=mem)


def test_non_utf8_code_is_a_violation(sb):
    r = sb.run("python", b"print('\xff\xfe')")
    assert r.status == "violation" and r.violations[0].kind == "encoding"
    assert "byte 7" in r.violations[0].detail


def test_surrogates_in_code_are_a_violation(sb):
    r = sb.run("python", "print('\ud800')")
    assert r.status == "violation" and r.violations[0].kind == "encoding"


def test_nul_bytes_are_a_compile_error(sb):
    r = sb.run("python", "print(1)\x00")
    assert r.status == "compile_error"


def test_huge_code_is_a_size_violation(sb):
    r = sb.run("python", "x = 1\n" * (2 * 1024 * 1024))
    assert r.status == "violation" and r.violations[0].kind == "size"


def test_bytes_code_and_stdin(sb):
    r = sb.run("python", b"print(input().upper())", stdin=b"abc\n")
    assert r.stdout == "ABC\n"


def test_non_utf8_stdin_raises(sb):
    with pytest.raises(LimitError, match="stdin is not valid UTF-8"):
        sb.run("python", "print(1)", stdin=b"\xff")


def test_wrong_types_raise(sb):
    with pytest.raises(SandboxError):
        sb.run("python", 12345)  # type: ignore[arg-type]


def test_result_shape_and_raise_for_status(sb):
    r = sb.run("python", "print(1)")
    assert isinstance(r, Result) and r.ok and r.status is Status.OK and r.status == "ok"
    assert r.exit_code == 0 and r.duration_s > 0 and len(r.run_id) == 16 and "language" in r.isolation
    assert r.raise_for_status() is r
    bad = sb.run("python", "1/0")
    with pytest.raises(sandboxes.ResultError, match="status error"):
        bad.raise_for_status()
    with pytest.raises(AttributeError):
        r.status = Status.ERROR  # type: ignore[misc]
    assert Result.from_dict(json.loads(json.dumps(r.to_dict()))) == r


def test_statuses_are_exactly_these():
    assert {s.value for s in Status} == {"ok", "error", "timeout", "memory_limit", "output_limit", "violation",
                                         "compile_error"}


def test_closed_sandbox_raises():
    s = sandboxes.Sandbox()
    s.close()
    s.close()
    with pytest.raises(sandboxes.ClosedError):
        s.run("python", "print(1)")


def test_check_is_static(sb):
    assert sb.check("python", "print(1)") == []
    v = sb.check("python", "import socket\nwhile True: pass\n")
    assert [(x.kind, x.line) for x in v] == [("import", 1)]


def test_run_many_keeps_order_and_is_thread_safe(sb):
    jobs = [("python", f"print({i} * 2)") for i in range(20)] + [{"lang": "py", "code": "1/0"}]
    results = sb.run_many(jobs, concurrency=4)
    assert [r.stdout for r in results[:20]] == [f"{i * 2}\n" for i in range(20)]
    assert results[-1].status == "error"
    with pytest.raises(LimitError):
        sb.run_many(jobs, concurrency=0)


def test_module_level_run_with_policy_path(tmp_path):
    p = tmp_path / "p.yaml"
    p.write_text("python:\n  isolation: inprocess\n  modules: [math]\n")
    r = sandboxes.run("python", "import json", policy=p)
    assert r.status == "violation"
    assert sandboxes.run("python", "import math\nprint(math.pi > 3)", policy=p).stdout == "True\n"
    with pytest.raises(sandboxes.PolicyError):
        sandboxes.run("python", "print(1)", policy=tmp_path / "missing.yaml")


def test_audit_log_json_lines(tmp_path):
    log = tmp_path / "audit.jsonl"
    p = tmp_path / "p.yaml"
    p.write_text(f"audit:\n  log_file: {log}\npython:\n  isolation: inprocess\n  modules: [math]\n")
    with sandboxes.Sandbox(p) as s:
        ok = s.run("python", "print(1)")
        bad = s.run("python", "import os")
    events = [json.loads(line) for line in log.read_text().splitlines()]
    execs = [e for e in events if e["event"] == "execution"]
    sec = [e for e in events if e["event"] == "security"]
    assert [e["run_id"] for e in execs] == [ok.run_id, bad.run_id]
    assert execs[0]["status"] == "ok" and len(execs[0]["code_sha256"]) == 64 and execs[0]["policy_sha256"]
    assert sec and sec[0]["kind"] == "import" and sec[0]["line"] == 1 and sec[0]["run_id"] == bad.run_id
    assert "code" not in execs[0]


def test_concurrent_threads_share_a_sandbox(sb):
    out: dict[int, str] = {}

    def work(i: int) -> None:
        out[i] = sb.run("python", f"print(sum(range({i})))").stdout

    threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == {i: f"{sum(range(i))}\n" for i in range(16)}


# ------------------------------------------------------------------ run_many: one outcome per job

def test_run_many_checks_every_job_before_running_any(tmp_path):
    log = tmp_path / "audit.jsonl"
    p = tmp_path / "p.yaml"
    p.write_text(f"audit:\n  log_file: {log}\npython:\n  isolation: inprocess\n")
    jobs = [("python", "print(1)"), ("python", "print(2)", {"timeout": 10_000}), ("python", "print(3)")]
    with sandboxes.Sandbox(p) as s:
        with pytest.raises(LimitError, match=r"run_many job 1: timeout: 10000 s is above the ceiling"):
            s.run_many(jobs)
        assert not log.exists()  # nothing ran, so no result was thrown away
        for bad in (["python"], ("python", "x", "y"), 42, {"lang": "python"}, {"lang": "py", "code": "1", "tmeout": 1}):
            with pytest.raises(SandboxError, match="run_many job 0: "):
                s.run_many([bad])
        with pytest.raises(UnknownLanguageError, match="run_many job 1: "):
            s.run_many([("python", "1"), ("cobol", "1")])


def test_run_many_return_exceptions_puts_each_mistake_in_its_place():
    # before: the first bad job raised and the results of the jobs already run were lost
    jobs = [("python", "print(1)"), ("python", "print(2)", {"timeout": 10_000}), ("cobol", "x"),
            {"lang": "python", "code": 5}, ("python", "print(3)", {"stdin": b"\xff"}), ("py", "print(4)")]
    out = sandboxes.run_many(jobs, return_exceptions=True)
    assert len(out) == len(jobs)
    assert [o.stdout for o in (out[0], out[5])] == ["1\n", "4\n"]
    assert isinstance(out[1], LimitError) and "max_timeout_s" in str(out[1])
    assert isinstance(out[2], UnknownLanguageError)
    assert isinstance(out[3], SandboxError) and isinstance(out[4], LimitError)


def test_run_many_keeps_results_when_the_environment_fails(monkeypatch):
    with sandboxes.Sandbox() as s:
        real = s._backend

        def backend(lang):
            if lang == "javascript":
                raise sandboxes.RuntimeUnavailableError("no JavaScript engine here")
            return real(lang)

        monkeypatch.setattr(s, "_backend", backend)
        jobs = [("python", "print(1)"), ("javascript", "console.log(2)"), ("python", "print(3)")]
        with pytest.raises(sandboxes.RuntimeUnavailableError) as info:
            s.run_many(jobs)
        results = info.value.results
        assert [r.stdout for r in (results[0], results[2])] == ["1\n", "3\n"] and results[1] is info.value
        out = s.run_many(jobs, return_exceptions=True)
        assert isinstance(out[1], sandboxes.RuntimeUnavailableError) and out[2].stdout == "3\n"


def test_run_many_per_call_limits_above_the_default():
    out = sandboxes.run_many([("python", "print(1)", {"timeout": 30}), {"lang": "py", "code": "print(2)",
                                                                          "memory_mb": 1024}])
    assert [r.status for r in out] == ["ok", "ok"]


# ------------------------------------------------------------------ queueing behind other runs

def test_a_run_queued_behind_a_hostile_one_reports_its_wait():
    # JavaScript runs in one long-lived worker (workers: 1): a second call waits for it. Before, the wait
    # was hidden inside duration_s (a timeout=1 job returned after 4.65 s, with nothing saying why).
    with sandboxes.Sandbox() as s:
        assert s.run("javascript", "console.log(0)").ok  # the worker is up
        assert s.run("javascript", "console.log(0)").extra["queued_s"] < 1.0
        gate = s._gates["javascript"]
        hostile = threading.Thread(target=s.run, args=("javascript", "while (true) {}"), kwargs={"timeout": 2})
        hostile.start()
        try:
            while gate.acquire(blocking=False):  # wait until the hostile run holds the worker
                gate.release()
                time.sleep(0.005)
            quick = s.run("javascript", "console.log(1)", timeout=1)
        finally:
            hostile.join(30)
    assert quick.ok and quick.stdout == "1\n"
    queued = quick.extra["queued_s"]
    assert 0.5 < queued <= quick.duration_s  # waited for most of the hostile run's 2 s, and said so


def test_calls_do_not_queue_while_a_worker_is_free(tmp_path):
    # the wait is for one of the policy's `workers`, no more: two workers run two programs at once
    p = tmp_path / "p.yaml"
    p.write_text("javascript:\n  workers: 2\n")
    with sandboxes.Sandbox(p) as s:
        out = s.run_many([("javascript", "while (true) {}", {"timeout": 1})] * 2, concurrency=2)
    assert [r.status for r in out] == ["timeout", "timeout"]
    assert all(r.extra["queued_s"] < 0.5 for r in out), [r.extra for r in out]


# ------------------------------------------------------------------ the audit log never costs a Result

def test_audit_write_failure_after_the_run_keeps_the_result(tmp_path, caplog):
    d = tmp_path / "logs"
    d.mkdir()
    p = tmp_path / "p.yaml"
    p.write_text(f"audit:\n  log_file: {d / 'audit.jsonl'}\npython:\n  isolation: inprocess\n")
    with sandboxes.Sandbox(p) as s:
        assert s.run("python", "print(1)").ok
        (d / "audit.jsonl").unlink()
        d.rmdir()  # the log's directory vanishes after the policy was loaded
        with caplog.at_level("ERROR", logger="sandboxes"):
            r = s.run("python", "print(2)")
    # before: the run raised FileNotFoundError after the program had run, and its Result was lost
    assert r.ok and r.stdout == "2\n"
    assert "cannot write the audit log" in r.extra["audit_error"]
    assert any("cannot write the audit log" in rec.getMessage() and rec.levelname == "ERROR" for rec in caplog.records)


def test_unwritable_audit_log_is_refused_when_the_sandbox_is_made(tmp_path):
    import dataclasses

    from sandboxes.policy import AuditPolicy, default_policy

    pol = dataclasses.replace(default_policy(), audit=AuditPolicy(log_file=str(tmp_path / "no" / "a.jsonl")))
    with pytest.raises(sandboxes.PolicyError, match="audit.log_file: cannot create"):
        sandboxes.Sandbox(pol)
    p = tmp_path / "p.yaml"
    p.write_text(f"audit:\n  log_file: {tmp_path / 'no' / 'a.jsonl'}\n")
    with pytest.raises(sandboxes.PolicyError, match=r"p.yaml:2: audit.log_file: cannot create"):
        sandboxes.run("python", "print(1)", policy=p)
