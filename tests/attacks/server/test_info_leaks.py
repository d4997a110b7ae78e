# Tries: reading the host from what the servers answer: /v1/policy, /openapi.json and the MCP policy
# resource under a policy that names host paths (the audit log file, the Go cache and toolchain, the
# wasm cache), every error page (400, 401, 403, 404, 405, 413, 415, 422, 429), a Server header, and
# the audit-log failure reported in a Result (it named the log file's path).
# Published: OWASP WSTG-ERRH-01/02 (improper error handling, stack traces) and WSTG-INFO-02
# (fingerprinting the web server); CWE-209 and CWE-200.
import json

import pytest

from .conftest import MAX_BODY, StdioMCP, host_details, httpx, raw, request, serve, status


@pytest.fixture(scope="module")
def pathy(tmp_path_factory):
    d = tmp_path_factory.mktemp("pathy-secret-dir")
    policy = d / "policy.yaml"
    policy.write_text(f"audit:\n  log_file: {d / 'audit.jsonl'}\npython:\n  wasm_cache_dir: {d / 'wasm'}\n"
                      f"go:\n  cache_dir: {d / 'go-cache'}\n")
    with serve(["serve", "--policy", str(policy), "--workers", "1", "--queue", "0", "--max-body-bytes",
                str(MAX_BODY), "--log-level", "warning"], d) as served:
        yield served, d


def test_the_policy_names_no_host_path(pathy):
    server, d = pathy
    auth = {"Authorization": f"Bearer {server.token}"}
    doc = httpx.get(server.url + "/v1/policy", headers=auth)
    assert doc.status_code == 200 and str(d) not in doc.text and "pathy-secret-dir" not in doc.text, doc.text
    pol = doc.json()
    assert pol["audit"]["log_file"] == "(set)" and pol["go"]["cache_dir"] == "(set)" and pol["go"]["go_binary"] is None
    assert pol["source"] == "policy.yaml"
    spec = httpx.get(server.url + "/openapi.json")
    assert str(d) not in spec.text and not host_details(spec.text)


def test_error_pages_name_nothing_of_the_host(pathy):
    server, d = pathy
    host = server.url.removeprefix("http://")
    auth = ("Authorization", f"Bearer {server.token}")
    cases = [
        request("GET", "/nope", [("Host", host), auth]),
        request("DELETE", "/v1/run", [("Host", host), auth]),
        request("GET", "/v1/policy", [("Host", host)]),
        request("GET", "/v1/policy", [("Host", host), auth, ("Origin", "http://evil.example")]),
        request("POST", "/v1/run", [("Host", host), auth, ("Content-Type", "text/plain"), ("Content-Length", "2")],
                b"{}"),
        request("POST", "/v1/run", [("Host", host), auth, ("Content-Type", "application/json"),
                                    ("Content-Length", str(MAX_BODY + 1))]),
        request("POST", "/v1/run", [("Host", host), auth, ("Content-Type", "application/json"),
                                    ("Content-Length", "4")], b"{\xff\xfe}"),
        request("POST", "/v1/run", [("Host", host), auth, ("Content-Type", "application/json"),
                                    ("Content-Length", "2")], b"[]"),
        b"GARBAGE\r\n\r\n",
    ]
    for req in cases:
        out = raw(server.url, req)
        assert 400 <= status(out) < 500, (req[:120], out[:300])
        assert str(d).encode() not in out and not host_details(out), out[:500]
        assert b"\r\nserver:" not in out.lower() and b"uvicorn" not in out.lower(), out[:300]


def test_an_audit_failure_does_not_name_the_log_file(pathy):
    server, d = pathy
    log = d / "audit.jsonl"
    log.unlink(missing_ok=True)
    log.mkdir()  # the next write fails: EISDIR
    try:
        r = httpx.post(server.url + "/v1/run", json={"lang": "python", "code": "print(1)"},
                       headers={"Authorization": f"Bearer {server.token}"}, timeout=60)
    finally:
        log.rmdir()
    assert r.status_code == 200 and r.json()["stdout"] == "1\n", r.text
    assert "audit" in r.json()["extra"].get("audit_error", ""), r.text
    assert str(d) not in r.text and "audit.jsonl" not in r.text, r.text


def test_the_mcp_policy_resource_names_no_host_path(tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text(f"audit:\n  log_file: {tmp_path / 'audit.jsonl'}\ngo:\n  cache_dir: {tmp_path / 'gc'}\n")
    m = StdioMCP("--policy", str(policy))
    try:
        m.send(b'{"jsonrpc":"2.0","id":5,"method":"resources/read","params":{"uri":"sandboxes://policy"}}')
        answer = m.answer(5, 60)
        assert answer is not None, m.stderr
        text = answer["result"]["contents"][0]["text"]
        assert str(tmp_path) not in text and json.loads(text)["audit"]["log_file"] == "(set)", text
        m.send(b'{"jsonrpc":"2.0","id":6,"method":"resources/read","params":{"uri":"file:///etc/passwd"}}')
        answer = m.answer(6, 30)
        assert answer is not None and "error" in answer and "root:" not in json.dumps(answer), answer
    finally:
        m.close()
