"""``sandboxes serve`` with a real client: httpx against the uvicorn server the module starts and stops.

One server for the module (2 runs at once, 2 queued: small enough to fill for the 429 test).
"""

from __future__ import annotations

import asyncio
import json
import threading
import time

import pytest

from sandboxes.cli import DEMO, main

from .conftest import httpx, serve

pytest.importorskip("fastapi")
pytest.importorskip("prometheus_client")

WORKERS, QUEUE, MAX_BODY = 2, 2, 200_000
GO_HOSTILE = 'package main\n\nimport "os/exec"\n\nfunc main() { exec.Command("id").Run() }\n'
JS_CRASH = "'x'.repeat(2 ** 28).split('')"  # V8 aborts its process on purpose (crbug.com/1201626)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    args = ["serve", "--workers", str(WORKERS), "--queue", str(QUEUE), "--max-body-bytes", str(MAX_BODY),
            "--log-level", "warning"]
    with serve(args, tmp_path_factory.mktemp("serve")) as served:
        yield served


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {server.token}"},
                      timeout=120.0) as c:
        yield c


def run(client, **job):
    r = client.post("/v1/run", json=job)
    assert r.status_code == 200, r.text
    return r.json()


def error(r, status, field):
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert err["field"] == field and err["message"], err
    return err


def test_openapi_and_health_need_no_token(server):
    spec = httpx.get(server.url + "/openapi.json").json()
    assert {"/v1/run", "/v1/check", "/v1/batch", "/v1/policy", "/healthz", "/metrics"} <= set(spec["paths"])
    assert "RunRequest" in spec["components"]["schemas"]
    h = httpx.get(server.url + "/healthz").json()
    assert h["status"] == "ok" and h["workers"] == WORKERS and h["queue"] == QUEUE


def test_a_token_is_required(server):
    job = {"lang": "python", "code": "print(1)"}
    for headers in ({}, {"Authorization": "Bearer wrong-token-of-some-length"}, {"Authorization": server.token},
                    {"Authorization": f"Basic {server.token}"}, {"Authorization": f"Bearer {server.token}x"}):
        r = httpx.post(server.url + "/v1/run", json=job, headers=headers)
        error(r, 401, "Authorization")
        assert r.headers["www-authenticate"].startswith("Bearer")
    error(httpx.get(server.url + "/metrics"), 401, "Authorization")
    error(httpx.get(server.url + "/v1/policy"), 401, "Authorization")


def test_run_each_language(client):
    r = run(client, lang="python", code="print(input()[::-1])", stdin="abc\n")
    assert (r["status"], r["stdout"], r["exit_code"]) == ("ok", "cba\n", 0), r
    assert "language" in r["isolation"] and r["run_id"]
    r = run(client, lang="js", code="console.log(readline().toUpperCase())", stdin="abc\n")
    assert (r["lang"], r["status"], r["stdout"]) == ("javascript", "ok", "ABC\n"), r
    r = run(client, lang="go", code=DEMO["go"], stdin="http\n", timeout=10)
    assert (r["status"], r["stdout"]) == ("ok", "hello http from Go: [1 2 3]\n"), r


def test_hostile_programs_are_results_and_the_server_goes_on(server, client):
    r = run(client, lang="python", code="import os\nos.system('id')")
    assert r["status"] == "violation" and r["violations"][0]["kind"] == "import", r
    r = run(client, lang="go", code=GO_HOSTILE)
    assert r["status"] == "violation" and "os/exec" in r["violations"][0]["detail"], r
    r = run(client, lang="javascript", code=JS_CRASH, timeout=10)  # the JS worker dies; the server does not
    assert r["status"] == "error" and "worker crashed" in r["stderr"], r
    assert server.proc.poll() is None
    assert run(client, lang="javascript", code="console.log('next')")["stdout"] == "next\n"
    assert client.get("/healthz").json()["status"] == "ok"


def test_timeout(client):
    t0 = time.monotonic()
    r = run(client, lang="python", code="while True:\n    pass\n", timeout=0.5)
    assert r["status"] == "timeout", r
    assert time.monotonic() - t0 < 30  # generous: a loaded machine


@pytest.mark.parametrize("body, status, field", [
    (b'{"lang": "python", "code": ', 400, "body"),
    (b'[1, 2]', 422, "body"),
    (b'{"lang": "cobol", "code": "x"}', 422, "lang"),
    (b'{"lang": "python", "code": "1", "timeout": 1000}', 422, "timeout"),
    (b'{"lang": "python", "code": "1", "timeout": -1}', 422, "timeout"),
    (b'{"lang": "python", "code": "1", "memory_mb": 1048576}', 422, "memory_mb"),
    (b'{"lang": "python", "code": "1", "memory_mb": 1.5}', 422, "memory_mb"),
    (b'{"lang": "python", "code": 5}', 422, "code"),
    (b'{"lang": "python"}', 422, "code"),
    (b'{"lang": "python", "code": "1", "stdin": "\\ud800"}', 422, "stdin"),
    (b'{"lang": "python", "code": "1", "policy": "/etc/passwd"}', 422, "policy"),
])
def test_caller_mistakes_name_the_field(client, body, status, field):
    r = client.post("/v1/run", content=body, headers={"Content-Type": "application/json"})
    error(r, status, field)


def test_batch_mistakes_name_the_job(client):
    jobs = [{"lang": "python", "code": "print(1)"}, {"lang": "python", "code": "1", "timeout": 99}]
    error(client.post("/v1/batch", json={"jobs": jobs}), 422, "jobs[1].timeout")
    error(client.post("/v1/batch", json={"jobs": [jobs[0], {"lang": 3, "code": ""}]}), 422, "jobs[1].lang")
    error(client.post("/v1/batch", json={"jobs": [jobs[0]] * (WORKERS + QUEUE + 1)}), 413, "jobs")
    error(client.post("/v1/check", json={"lang": "brainfuck", "code": ""}), 422, "lang")


def test_not_json_and_too_large(server, client):
    error(client.post("/v1/run", content=b"lang=python", headers={"Content-Type": "text/plain"}), 415,
          "Content-Type")
    big = {"lang": "python", "code": "#" * (MAX_BODY + 1)}
    error(client.post("/v1/run", json=big), 413, "body")

    def chunks():  # no Content-Length: the limit holds on what arrives
        data = json.dumps(big).encode()
        for i in range(0, len(data), 65536):
            yield data[i:i + 65536]

    error(client.post("/v1/run", content=chunks(), headers={"Content-Type": "application/json"}), 413, "body")
    assert client.get("/healthz").status_code == 200


def test_batch_results_in_order(client):
    jobs = [{"lang": "python", "code": "print('a')"}, {"lang": "javascript", "code": "console.log('b')"},
            {"lang": "python", "code": "import subprocess"}, {"lang": "py", "code": "print(input())", "stdin": "d"}]
    r = client.post("/v1/batch", json={"jobs": jobs})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["status"] for x in results] == ["ok", "ok", "violation", "ok"]
    assert [x["stdout"] for x in results] == ["a\n", "b\n", "", "d\n"]


def test_check_and_policy(client):
    r = client.post("/v1/check", json={"lang": "go", "code": 'package main\nimport "net"\nfunc main() {}\n'})
    assert r.status_code == 200 and r.json()["ok"] is False
    assert r.json()["violations"][0]["line"] == 2
    assert client.post("/v1/check", json={"lang": "python", "code": "print(1)"}).json() == {"ok": True,
                                                                                           "violations": []}
    pol = client.get("/v1/policy").json()
    assert "math" in pol["python"]["modules"] and "fmt" in pol["go"]["packages"] and pol["sha256"]


def test_a_full_queue_answers_429(server, client):
    slow = {"lang": "python", "code": "import time\ntime.sleep(1.0)\nprint('slept')", "timeout": 20}
    batch: dict[str, httpx.Response] = {}
    t = threading.Thread(target=lambda: batch.update(r=client.post("/v1/batch", json={"jobs": [slow] * 4})))
    t.start()
    try:
        deadline = time.monotonic() + 30
        while True:  # the batch fills both slots and the queue
            h = client.get("/healthz").json()
            if h["active"] + h["waiting"] == WORKERS + QUEUE:
                break
            assert t.is_alive() and time.monotonic() < deadline, h
            time.sleep(0.02)
        r = client.post("/v1/run", json={"lang": "python", "code": "print(1)"})
        error(r, 429, None)
        assert int(r.headers["retry-after"]) >= 1
    finally:
        t.join(60)
    assert [x["stdout"] for x in batch["r"].json()["results"]] == ["slept\n"] * 4
    assert run(client, lang="python", code="print(2)")["stdout"] == "2\n"  # admitted again


def test_metrics(client):
    run(client, lang="python", code="import socket")
    text = client.get("/metrics").text
    for needle in ('sandboxes_runs_total{lang="python",status="ok"}',
                   'sandboxes_runs_total{lang="python",status="violation"}',
                   'sandboxes_refusals_total{kind="import",lang="python"}',
                   'sandboxes_run_duration_seconds_bucket{lang="python",le="+Inf"}',
                   "sandboxes_active_runs ", "sandboxes_queue_depth ", "# TYPE sandboxes_isolation_missing_total counter",
                   'sandboxes_http_requests_total{code="200",route="/v1/run"}'):
        assert needle in text, needle


def test_no_auth_answers_loopback_host_names_only():
    from sandboxes.server import create_app

    app = create_app(token=None)

    async def go() -> tuple[int, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as ok, \
                httpx.AsyncClient(transport=transport, base_url="http://rebound.example:8000") as rebound:
            return (await ok.get("/healthz")).status_code, (await rebound.get("/healthz")).status_code

    try:
        assert asyncio.run(go()) == (200, 403)
    finally:
        app.fastapi.state.runner.close()


def test_the_cli_refuses_to_serve_without_a_token(tmp_path, capsys):
    assert main(["serve", "--host", "0.0.0.0", "--no-auth"]) == 2
    assert "loopback" in capsys.readouterr().err
    assert main(["serve"]) == 2
    assert "--token-file" in capsys.readouterr().err
    short = tmp_path / "short"
    short.write_text("abc\n")
    assert main(["serve", "--token-file", str(short)]) == 2
    assert "at least 16" in capsys.readouterr().err
    assert main(["mcp", "--http", "--host", "0.0.0.0", "--no-auth"]) == 2
    assert "loopback" in capsys.readouterr().err


def test_metrics_count_missing_isolation_layers():
    """No run on this machine lacks a layer (the HTTP test above sees the counter's TYPE line only):
    a Result that says it lacked some is counted by language and layer."""
    from sandboxes.result import Result, Status
    from sandboxes.server._metrics import Metrics

    m = Metrics()
    m.observe(Result("go", Status.OK, extra={"isolation_missing": ["seccomp", "landlock"]}))
    m.observe(Result("go", Status.OK, extra={"isolation_missing": ["seccomp"]}))
    m.observe(Result("python", Status.OK, extra={"isolation_missing": []}))
    text = m.render().decode()
    assert 'sandboxes_isolation_missing_total{lang="go",layer="seccomp"} 2.0' in text
    assert 'sandboxes_isolation_missing_total{lang="go",layer="landlock"} 1.0' in text
    assert 'lang="python",layer=' not in text


def test_the_cli_refuses_bad_transport_bounds(capsys, monkeypatch):
    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", lambda self: (_ for _ in ()).throw(AssertionError("started")))
    for flag, value in (("--request-timeout", "0"), ("--request-timeout", "nan"), ("--max-connections", "0")):
        assert main(["serve", "--no-auth", flag, value]) == 2
        assert flag in capsys.readouterr().err
        assert main(["mcp", "--http", "--no-auth", flag, value]) == 2
        assert flag in capsys.readouterr().err
