"""``sandboxes mcp`` with the MCP SDK's own client: over stdio (the client launches
``python -m sandboxes mcp``), and once over streamable HTTP (``--http``, a bearer token).

One stdio server for the module.
"""

from __future__ import annotations

import json
import sys

import pytest

from sandboxes.cli import DEMO

from .conftest import httpx, serve

mcp = pytest.importorskip("mcp")
from mcp import Client, StdioServerParameters  # noqa: E402

pytestmark = pytest.mark.anyio

JS_CRASH = "'x'.repeat(2 ** 28).split('')"  # V8 aborts its process on purpose (crbug.com/1201626)


@pytest.fixture(scope="module")
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="module")
async def client(anyio_backend):
    params = StdioServerParameters(command=sys.executable, args=["-m", "sandboxes", "mcp"])
    async with Client(params, read_timeout_seconds=120) as c:
        yield c


async def call(client, tool, **arguments):
    r = await client.call_tool(tool, arguments)
    assert not r.is_error, r.content
    return r.structured_content


async def test_tools_are_described_from_the_policy(client):
    tools = {t.name: t for t in (await client.list_tools()).tools}
    assert set(tools) == {"run_python", "run_javascript", "run_go", "check"}
    assert "statistics" in tools["run_python"].description and "input()" in tools["run_python"].description
    assert "readline()" in tools["run_javascript"].description
    assert "strconv" in tools["run_go"].description and "os/exec" not in tools["run_go"].description
    assert "60 s" in tools["run_python"].description  # the ceiling of timeout=
    for name in ("run_python", "run_javascript", "run_go"):
        assert set(tools[name].input_schema["properties"]) == {"code", "stdin", "timeout"}
        assert tools[name].input_schema["required"] == ["code"]
        assert {"status", "stdout", "stderr", "violations"} <= set(tools[name].output_schema["properties"])
    assert tools["check"].input_schema["properties"]["lang"]["enum"] == ["python", "javascript", "go"]


async def test_each_tool_runs(client):
    r = await call(client, "run_python", code="print(sum(map(int, input().split())))", stdin="1 2 3\n")
    assert (r["status"], r["stdout"], r["exit_code"]) == ("ok", "6\n", 0), r
    r = await call(client, "run_javascript", code="console.log([3, 1, 2].sort().join(','))")
    assert (r["status"], r["stdout"]) == ("ok", "1,2,3\n"), r
    r = await call(client, "run_go", code=DEMO["go"], stdin="mcp\n", timeout=10)
    assert (r["status"], r["stdout"]) == ("ok", "hello mcp from Go: [1 2 3]\n"), r
    r = await call(client, "check", lang="python", code="import os\nprint(1)")
    assert r["ok"] is False and r["violations"][0]["kind"] == "import" and r["violations"][0]["line"] == 1
    assert (await call(client, "check", lang="go", code=DEMO["go"]))["ok"] is True


async def test_hostile_programs(client):
    r = await call(client, "run_python", code="open('/etc/passwd').read()")
    assert r["status"] == "violation" and r["violations"], r
    r = await call(client, "run_go", code='package main\n\nimport "net"\n\nfunc main() { net.Dial("tcp", "x:1") }\n')
    assert r["status"] == "violation" and "net" in r["violations"][0]["detail"], r
    r = await call(client, "run_javascript", code=JS_CRASH, timeout=10)
    assert r["status"] == "error" and "worker crashed" in r["stderr"], r
    assert (await call(client, "run_javascript", code="console.log(1)"))["stdout"] == "1\n"  # the server goes on


async def test_timeout_and_a_timeout_over_the_ceiling(client):
    r = await call(client, "run_python", code="while True:\n    pass\n", timeout=0.5)
    assert r["status"] == "timeout", r
    r = await client.call_tool("run_javascript", {"code": "1", "timeout": 3600})
    assert r.is_error and "timeout" in r.content[0].text and "ceiling" in r.content[0].text


async def test_the_policy_is_a_resource(client):
    (resource,) = (await client.list_resources()).resources
    assert str(resource.uri) == "sandboxes://policy" and resource.mime_type == "application/json"
    doc = json.loads((await client.read_resource("sandboxes://policy")).contents[0].text)
    assert "math" in doc["python"]["modules"] and doc["defaults"]["max_timeout_s"] == 60.0


async def test_streamable_http_with_a_token(tmp_path):
    import httpx2
    from mcp.client.streamable_http import streamable_http_client

    with serve(["mcp", "--http"], tmp_path, ready_path="/mcp") as server:
        r = httpx.post(server.url + "/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
        assert r.status_code == 401 and r.json()["error"]["field"] == "Authorization"
        async with httpx2.AsyncClient(headers={"Authorization": f"Bearer {server.token}"}, timeout=120) as http, \
                Client(streamable_http_client(server.url + "/mcp", http_client=http)) as c:
            r = await c.call_tool("run_python", {"code": "print(6 * 7)"})
            assert r.structured_content["stdout"] == "42\n", r
