# Tries: creating Prometheus series from values the client chooses: languages that do not exist (and
# aliases, odd case), random paths, methods, status codes a client provokes, violation details. A
# label whose value a client picks grows the server's memory and the scraper's without bound.
# Published: Prometheus docs, "Instrumentation: use labels" / "Metric and label naming" ("do not use
# labels to store dimensions with high cardinality ... unbounded sets of values"); CWE-770.
import secrets

from sandboxes.server._http import ROUTES

from .conftest import httpx, raw, request


def series(server) -> set[str]:
    text = httpx.get(server.url + "/metrics", headers={"Authorization": f"Bearer {server.token}"}).text
    return {line.split(" ")[0] for line in text.splitlines() if line and not line.startswith("#")}


def test_client_chosen_values_make_no_new_series(token_server):
    auth = {"Authorization": f"Bearer {token_server.token}"}
    warm = [("python", "print(1)"), ("python", "import os"), ("PY", "import socket"), ("js", "console.log(1)")]
    for lang, code in warm:
        httpx.post(token_server.url + "/v1/run", json={"lang": lang, "code": code}, headers=auth)
    for _ in range(2):  # every route and error once
        httpx.post(token_server.url + "/v1/run", json={"lang": "nope", "code": ""}, headers=auth)
        httpx.get(token_server.url + f"/{secrets.token_hex(4)}", headers=auth)
        httpx.post(token_server.url + "/v1/run", content=b"{", headers={**auth, "Content-Type": "application/json"})
    before = series(token_server)
    host = token_server.url.removeprefix("http://")
    tags = [secrets.token_hex(6) for _ in range(40)]
    for i, tag in enumerate(tags):
        httpx.post(token_server.url + "/v1/run", json={"lang": f"lang-{tag}", "code": ""}, headers=auth)
        httpx.post(token_server.url + "/v1/run", json={"lang": "python", "code": f"import mod_{tag}"}, headers=auth)
        httpx.request("PATCH", token_server.url + f"/v1/{tag}/{i}", headers=auth)
        raw(token_server.url, request(f"X{tag[:4].upper()}", f"/{tag}", [("Host", host)]), wait=3)
    after = series(token_server)
    assert len(after - before) <= 30, sorted(after - before)  # unbounded labels would add over 160
    for s in after:
        assert not any(tag in s or tag[:4].upper() in s for tag in tags), s
        labels = dict(part.split("=", 1) for part in s.partition("{")[2].rstrip("}").split(",") if "=" in part)
        assert labels.get("route", '"/v1/run"').strip('"') in ROUTES + ("other",), s
        assert labels.get("lang", '"python"').strip('"') in ("python", "javascript", "go"), s
        assert labels.get("code", '"200"').strip('"').isdigit(), s
