# Tries: forging or corrupting log lines from what a client sends: newlines and ANSI escape sequences
# (ESC[2J, ESC]0;title BEL, a fake "INFO: ..." line) in the program's code, its stdin, the language
# name, an imported module's name (it becomes a violation's detail), a path and a header. Every line
# of the audit log must stay one JSON object, and nothing the client chose reaches the server's
# stderr unescaped.
# Published: OWASP Logging Cheat Sheet and "Log Injection" (CWE-117); "Terminal escape injection"
# (CVE-2003-0063 class: ANSI sequences in logs replayed on an operator's terminal).
import json

import pytest

from .conftest import httpx, raw, request, serve

EVIL = "x\n2099-01-01 INFO: forged line\r\n\x1b[2J\x1b]0;pwned\x07\x1b[31m"


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    d = tmp_path_factory.mktemp("audited")
    policy = d / "policy.yaml"
    policy.write_text(f"audit:\n  log_file: {d / 'audit.jsonl'}\n  include_code: true\n")
    with serve(["serve", "--policy", str(policy), "--workers", "1", "--queue", "2", "--log-level", "debug"],
               d) as served:
        yield served, d / "audit.jsonl"


def test_client_text_never_breaks_a_log_line(audited):
    server, log = audited
    auth = {"Authorization": f"Bearer {server.token}"}
    jobs = [{"lang": "python", "code": f"# {EVIL}\nimport os{EVIL[:1]}", "stdin": EVIL},
            {"lang": "python", "code": f"__import__({EVIL!r})"},
            {"lang": "python", "code": f"raise ValueError({EVIL!r})"},
            {"lang": "javascript", "code": f"console.log({json.dumps(EVIL)}); throw new Error({json.dumps(EVIL)})"}]
    for job in jobs:
        assert httpx.post(server.url + "/v1/run", json=job, headers=auth, timeout=60).status_code == 200
    httpx.post(server.url + "/v1/run", json={"lang": EVIL, "code": ""}, headers=auth)
    raw(server.url, request("GET", "/x%0aINFO:%20forged%1b[2J", [("Host", server.url.removeprefix("http://"))]))
    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= len(jobs)
    for line in lines:
        event = json.loads(line)  # one event per line, whatever the code held
        assert isinstance(event, dict) and "\x1b" not in line and "\r" not in line
    assert any(EVIL in json.loads(line).get("code", "") for line in lines)
    err = server.stderr()
    assert "\x1b[2J" not in err and "\x1b]0;" not in err and "forged line" not in err.replace("\\n", " "), err[-2000:]
