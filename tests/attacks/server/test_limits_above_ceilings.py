# Tries: raising limits from the request: timeout and memory_mb over the policy's ceilings, zero,
# negative, 1e308, a bool or a string where a number goes, fields the API does not have
# (max_output_bytes, policy, workers, isolation, concurrency), a batch over the capacity, a batch of
# zero jobs, a job inside a batch with a foreign field, and languages the policy does not have
# (spelled with a NUL or a space inside, 100 kB long). Each is a 422 or 413 naming the field.
# Published: OWASP API Security Top 10 2023, API4 Unrestricted Resource Consumption and API3 Broken
# Object Property Level Authorization ("mass assignment" of fields the client must not set).
import pytest

from .conftest import QUEUE, WORKERS, host_details, httpx

BAD = [
    ({"timeout": 61}, 422, "timeout"), ({"timeout": 1e308}, 422, "timeout"), ({"timeout": 0}, 422, "timeout"),
    ({"timeout": -5}, 422, "timeout"), ({"timeout": True}, 422, "timeout"), ({"timeout": "5"}, 422, "timeout"),
    ({"memory_mb": 4096}, 422, "memory_mb"), ({"memory_mb": 0}, 422, "memory_mb"),
    ({"memory_mb": -1}, 422, "memory_mb"), ({"memory_mb": 2.5}, 422, "memory_mb"),
    ({"memory_mb": 1 << 70}, 422, "memory_mb"),
    ({"max_output_bytes": 1 << 30}, 422, "max_output_bytes"), ({"policy": "/etc/passwd"}, 422, "policy"),
    ({"workers": 64}, 422, "workers"), ({"isolation": "inprocess"}, 422, "isolation"),
    ({"concurrency": 99}, 422, "concurrency"), ({"code": ["print(1)"]}, 422, "code"),
    ({"stdin": None}, 422, "stdin"), ({"lang": "python\u0000"}, 422, "lang"), ({"lang": "py thon"}, 422, "lang"),
    ({"lang": "x" * 100_000}, 422, "lang"), ({"lang": "ruby"}, 422, "lang"),
]


@pytest.mark.parametrize("change, code, field", BAD, ids=[f"{f}-{i}" for i, (_, _, f) in enumerate(BAD)])
def test_a_limit_cannot_be_raised_from_the_request(open_server, change, code, field):
    r = httpx.post(open_server.url + "/v1/run", json={"lang": "python", "code": "print(1)", **change})
    assert r.status_code == code, r.text
    err = r.json()["error"]
    assert err["field"] == field and err["message"] and not host_details(r.text), err
    assert len(r.text) < 2000, "the answer echoes what it was sent"


def test_a_language_name_is_canonical_in_the_answer(open_server):
    """The registry takes case and spaces (' PY ' is python); what comes back, and what the metrics
    count, is the canonical name, never the client's spelling."""
    r = httpx.post(open_server.url + "/v1/run", json={"lang": " PY ", "code": "print(1)"})
    assert r.status_code == 200 and r.json()["lang"] == "python", r.text


def test_batches_over_the_capacity_or_with_a_foreign_field(open_server):
    job = {"lang": "python", "code": "print(1)"}
    r = httpx.post(open_server.url + "/v1/batch", json={"jobs": [job] * (WORKERS + QUEUE + 1)})
    assert r.status_code == 413 and r.json()["error"]["field"] == "jobs", r.text
    r = httpx.post(open_server.url + "/v1/batch", json={"jobs": [job, {**job, "memory_mb": 1 << 20}]})
    assert r.status_code == 422 and r.json()["error"]["field"] == "jobs[1].memory_mb", r.text
    r = httpx.post(open_server.url + "/v1/batch", json={"jobs": [job], "concurrency": 1000})
    assert r.status_code == 422 and r.json()["error"]["field"] == "concurrency", r.text
    r = httpx.post(open_server.url + "/v1/batch", json={"jobs": []})
    assert r.status_code == 200 and r.json() == {"results": []}, r.text
