"""The facade: caller mistakes raise, everything the code does is a Result."""
import json
import threading

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
