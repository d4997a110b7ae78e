"""One job: its validation, its test cases run one after another, their verdicts and the job's result.

A job is a mapping::

    {"id": ..., "lang": "go", "code": "...", "stdin": "", "timeout": 2.0, "memory_mb": 256,
     "tests": [{"stdin": "1 2\\n", "expected_stdout": "3\\n", "name": "small"}, ...],
     "compare": "exact" | "trailing_whitespace" | "tokens", "float_tolerance": 1e-6,
     "stop_on_failure": false, "task": "HumanEval/0", "meta": {...}}

Only ``lang`` and ``code`` are required. Without ``tests`` the job is one run with its ``stdin``,
accepted when the program ends ``ok`` (exit status 0, no limit hit). The result is a JSON-ready
dict (see ``run_job``); nothing a job contains or does raises.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from typing import Any

from ..errors import ClosedError, RuntimeUnavailableError, SandboxError
from ..result import Result, Status

# The judges' vocabulary (Judge0, Codeforces, DOMjudge), one per test case and one per job.
VERDICTS = ("accepted", "wrong_answer", "time_limit", "memory_limit", "output_limit", "runtime_error",
            "compile_error", "refused")
# Not a judgement of the program: the job itself is malformed (``invalid``), or the sandbox could not
# run it here (``error``: an engine or a required isolation layer missing, a worker lost for good).
NOT_JUDGED = ("invalid", "error")

COMPARE_MODES = ("exact", "trailing_whitespace", "tokens")
DEFAULT_COMPARE = "trailing_whitespace"
DEFAULT_FLOAT_TOLERANCE = 1e-6
JOB_KEYS = ("id", "lang", "code", "stdin", "tests", "timeout", "memory_mb", "task", "compare",
            "float_tolerance", "stop_on_failure", "meta")
TEST_KEYS = ("stdin", "expected_stdout", "name")
OUTPUT_CHARS = 2000  # stdout/stderr kept per test in a result (a results file of 100k jobs stays small)

_STATUS_VERDICT = {
    Status.ERROR: "runtime_error",
    Status.TIMEOUT: "time_limit",
    Status.MEMORY_LIMIT: "memory_limit",
    Status.OUTPUT_LIMIT: "output_limit",
    Status.VIOLATION: "refused",
    Status.COMPILE_ERROR: "compile_error",
}
# A Go program whose compile budget ran out: trying the next test case would compile it again.
_COMPILE_PHASE = ("compile timeout", "go build timeout", "stdlib build")


class JobError(SandboxError, ValueError):
    """A malformed job: its result says ``invalid`` with this message."""


class BadInput:
    """An input record that is not even a job (a line of a JSONL file that is not JSON)."""

    def __init__(self, message: str, jid: Any = None) -> None:
        self.message, self.jid = message, jid


# ------------------------------------------------------------------ comparison

def outputs_match(actual: str, expected: str, mode: str = DEFAULT_COMPARE,
                  float_tolerance: float = DEFAULT_FLOAT_TOLERANCE) -> bool:
    """Whether ``actual`` is an accepted output for ``expected`` under ``mode``.

    ``exact``: the same string. ``trailing_whitespace``: the same after removing whitespace at the end
    of each line and blank lines at the end (``\\r\\n`` reads as ``\\n``). ``tokens``: the same
    whitespace-separated tokens, where two tokens that both read as numbers match when they are
    within ``float_tolerance``, absolute or relative (``math.isclose``); ``nan`` matches only ``nan``.
    """
    if mode == "exact":
        return actual == expected
    if mode == "trailing_whitespace":
        return _trimmed(actual) == _trimmed(expected)
    if mode == "tokens":
        a, e = actual.split(), expected.split()
        return len(a) == len(e) and all(_token_match(x, y, float_tolerance) for x, y in zip(a, e, strict=True))
    raise JobError(f"compare: expected one of {', '.join(COMPARE_MODES)}, got {mode!r}")


def _trimmed(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _token_match(a: str, e: str, tol: float) -> bool:
    if a == e:
        return True
    try:
        x, y = float(a), float(e)
    except ValueError:
        return False
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return math.isclose(x, y, rel_tol=tol, abs_tol=tol)


# ------------------------------------------------------------------ validation

def job_id(job: Any, index: int) -> Any:
    """The job's ``id``, or its 0-based position in the input when it has none (or is not a mapping)."""
    if isinstance(job, BadInput) and job.jid is not None:
        return job.jid
    if isinstance(job, Mapping) and "id" in job:
        jid = job["id"]
        if isinstance(jid, (str, int)) and not isinstance(jid, bool):
            return jid
    return index


def validate(job: Any) -> dict[str, Any]:
    """The job as a plain dict with its defaults filled in. Raises ``JobError`` naming the key."""
    if isinstance(job, BadInput):
        raise JobError(job.message)
    if not isinstance(job, Mapping):
        raise JobError(f"a job must be a mapping (JSON object), got {type(job).__name__}")
    unknown = sorted(str(k) for k in job if k not in JOB_KEYS)
    if unknown:
        raise JobError(f"unknown key {unknown[0]!r} (a job has {', '.join(JOB_KEYS)})")
    if "id" in job and (isinstance(job["id"], bool) or not isinstance(job["id"], (str, int))):
        raise JobError("id: expected a string or an integer")
    for key in ("lang", "code"):
        if key not in job:
            raise JobError(f"missing key {key!r}")
        if not isinstance(job[key], str):
            raise JobError(f"{key}: expected a string, got {type(job[key]).__name__}")
    out = dict(job)
    out.setdefault("stdin", "")
    if not isinstance(out["stdin"], str):
        raise JobError("stdin: expected a string")
    compare = out.setdefault("compare", DEFAULT_COMPARE)
    if compare not in COMPARE_MODES:
        raise JobError(f"compare: expected one of {', '.join(COMPARE_MODES)}, got {compare!r}")
    tol = out.setdefault("float_tolerance", DEFAULT_FLOAT_TOLERANCE)
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not math.isfinite(tol) or tol < 0:
        raise JobError(f"float_tolerance: expected a number >= 0, got {tol!r}")
    if not isinstance(out.setdefault("stop_on_failure", False), bool):
        raise JobError("stop_on_failure: expected true or false")
    if "meta" in out and not isinstance(out["meta"], Mapping):
        raise JobError("meta: expected a mapping")
    if "task" in out and (isinstance(out["task"], bool) or not isinstance(out["task"], (str, int))):
        raise JobError("task: expected a string or an integer")
    tests = out.get("tests")
    if tests is not None:
        if not isinstance(tests, list) or not tests:
            raise JobError("tests: expected a non-empty list")
        checked = []
        for i, t in enumerate(tests):
            if not isinstance(t, Mapping):
                raise JobError(f"tests[{i}]: expected a mapping")
            bad = sorted(str(k) for k in t if k not in TEST_KEYS)
            if bad:
                raise JobError(f"tests[{i}]: unknown key {bad[0]!r} (a test has {', '.join(TEST_KEYS)})")
            if not isinstance(t.get("expected_stdout"), str):
                raise JobError(f"tests[{i}]: expected_stdout: expected a string")
            if not isinstance(t.get("stdin", ""), str):
                raise JobError(f"tests[{i}]: stdin: expected a string")
            checked.append({"name": str(t.get("name", i)), "stdin": t.get("stdin", ""),
                            "expected_stdout": t["expected_stdout"]})
        out["tests"] = checked
    return out


# ------------------------------------------------------------------ running

def test_verdict(result: Result, expected: str | None, mode: str, tol: float) -> str:
    """The verdict of one run against its expected output (``None``: no expected output)."""
    if result.status is Status.OK:
        if expected is None or outputs_match(result.stdout, expected, mode, tol):
            return "accepted"
        return "wrong_answer"
    return _STATUS_VERDICT.get(result.status, "runtime_error")


def _clip(text: str) -> str:
    return text if len(text) <= OUTPUT_CHARS else text[:OUTPUT_CHARS] + f"... [{len(text) - OUTPUT_CHARS} more]"


def _record(name: str | None, r: Result, verdict: str, keep_stdout: bool) -> dict[str, Any]:
    rec: dict[str, Any] = {"verdict": verdict, "status": r.status.value, "exit_code": r.exit_code,
                           "duration_s": round(r.duration_s, 6)}
    if name is not None:
        rec = {"name": name, **rec}
    if keep_stdout or verdict != "accepted":
        rec["stdout"] = _clip(r.stdout)
    if r.stderr and verdict != "accepted":
        rec["stderr"] = _clip(r.stderr)
    if r.violations:
        rec["violations"] = [str(v) for v in r.violations[:5]]
    if "cache" in r.extra:  # Go: where the compiled module came from (miss = compiled for this run)
        rec["cache"] = r.extra["cache"]
    return rec


def _base(jid: Any, job: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": jid}
    if isinstance(job, Mapping):
        for key in ("lang", "task", "meta"):
            if key in job:
                base[key] = job[key]
    return base


def failed_result(jid: Any, job: Any, verdict: str, error: str, duration_s: float = 0.0) -> dict[str, Any]:
    """The result of a job that was not judged: ``invalid`` (the job) or ``error`` (the environment)."""
    return {**_base(jid, job), "verdict": verdict, "passed": 0, "total": 0, "duration_s": round(duration_s, 6),
            "error": error}


def run_job(sandbox: Any, job: Any, index: int) -> dict[str, Any]:
    """Run one job's test cases in ``sandbox`` and return its result. Never raises.

    The first test case runs alone: a Go program is built and compiled by it and every later case
    runs the cached module (``cache: memory``); a program refused by the static check or failing to
    compile gets that verdict for every case without running again. The job's verdict is
    ``accepted`` when every case is, else the verdict of the first case that is not.
    """
    jid = job_id(job, index)
    t0 = time.perf_counter()
    try:
        spec = validate(job)
        lang = spec["lang"]
        # Every limit the job asks for is checked before anything runs (a LimitError is the job's).
        sandbox.limits_for(lang, timeout=spec.get("timeout"), memory_mb=spec.get("memory_mb"))
    except (RuntimeUnavailableError, ClosedError) as e:
        return failed_result(jid, job, "error", f"{type(e).__name__}: {e}", time.perf_counter() - t0)
    except SandboxError as e:
        return failed_result(jid, job, "invalid", str(e), time.perf_counter() - t0)
    except Exception as e:  # noqa: BLE001 - a bug of ours must not cost the batch
        return failed_result(jid, job, "error", f"internal error: {type(e).__name__}: {e}", time.perf_counter() - t0)

    tests = spec.get("tests")
    cases: list[tuple[str | None, str, str | None]] = (
        [(t["name"], t["stdin"], t["expected_stdout"]) for t in tests] if tests else [(None, spec["stdin"], None)])
    mode, tol = spec["compare"], float(spec["float_tolerance"])
    records: list[dict[str, Any]] = []
    same_for_all = False
    try:
        for name, stdin, expected in cases:
            r = sandbox.run(lang, spec["code"], stdin=stdin, timeout=spec.get("timeout"),
                            memory_mb=spec.get("memory_mb"))
            verdict = test_verdict(r, expected, mode, tol)
            records.append(_record(name, r, verdict, keep_stdout=expected is None))
            if verdict != "accepted":
                same_for_all = _same_for_every_case(sandbox, lang, spec, r)
                if same_for_all or spec["stop_on_failure"]:
                    break
    except (RuntimeUnavailableError, ClosedError) as e:
        return failed_result(jid, job, "error", f"{type(e).__name__}: {e}", time.perf_counter() - t0)
    except SandboxError as e:
        return failed_result(jid, job, "invalid", str(e), time.perf_counter() - t0)
    except Exception as e:  # noqa: BLE001
        return failed_result(jid, job, "error", f"internal error: {type(e).__name__}: {e}", time.perf_counter() - t0)

    skipped = len(cases) - len(records)
    if skipped:  # the same verdict for the cases not run (static refusal, compile error) or not tried
        last = records[-1]
        carry = last["verdict"] if same_for_all else "skipped"
        for name, _stdin, _expected in cases[len(records):]:
            records.append({"name": name, "verdict": carry, "status": "not_run"})
    passed = sum(1 for rec in records if rec["verdict"] == "accepted")
    verdict = next((rec["verdict"] for rec in records if rec["verdict"] != "accepted"), "accepted")
    out: dict[str, Any] = {**_base(jid, spec), "verdict": verdict, "passed": passed, "total": len(cases),
                           "duration_s": round(time.perf_counter() - t0, 6)}
    if tests:
        out["tests"] = records
    else:
        out.update({k: v for k, v in records[0].items() if k not in ("verdict", "duration_s")})
    return out


def _same_for_every_case(sandbox: Any, lang: str, spec: dict[str, Any], r: Result) -> bool:
    """Whether this outcome holds for every input: a compile error, a refusal by the static check, or
    a Go compile budget that ran out (the next case would compile again)."""
    if r.status is Status.COMPILE_ERROR:
        return True
    if r.status is Status.TIMEOUT:
        return str(r.extra.get("stop_detail", "")) in _COMPILE_PHASE
    if r.status is Status.VIOLATION:  # static (the check refuses it too) or only on this input
        return bool(r.extra.get("stop_detail") == "go check" or sandbox.check(lang, spec["code"]))
    return False
