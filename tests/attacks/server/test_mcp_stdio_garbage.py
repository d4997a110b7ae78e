# Tries: a client that sends garbage on the stdio transport: lines that are not JSON, bytes that are
# not UTF-8, JSON that is not JSON-RPC (an array, a number, a request without a method), an unknown
# method, tool arguments of the wrong type or unknown, a tool that does not exist, a 2 MB program, a
# lone surrogate escaped in the code, resource reads of other URIs. The server must answer what it
# can parse, answer what it cannot with the JSON-RPC error (a request holding a lone surrogate was
# dropped without an answer: its client waited for ever), and never die.
# Published: JSON-RPC 2.0 specification, section 5.1 (Parse error -32700, Invalid Request -32600,
# Method not found -32601, Invalid params -32602); MCP spec, Basic Protocol, Messages.
import json

import pytest

from .conftest import StdioMCP

pytest.importorskip("mcp")

GARBAGE = [b"garbage", b"{", b"\xff\xfe\x00", b"[]", b"42", b'{"jsonrpc":"2.0","id":2}', b'{"jsonrpc":"1.0"}',
           b"\x00" * 100, b'{"jsonrpc":"2.0","id":3,"method":"tools/call","params":"x"}']


@pytest.fixture(scope="module")
def mcp():
    server = StdioMCP()
    yield server
    server.close()


def test_garbage_lines_are_answered_and_do_not_stop_the_server(mcp):
    mcp.lines.clear()
    for line in GARBAGE:
        mcp.send(line)
    mcp.send(b'{"jsonrpc":"2.0","id":10,"method":"ping"}')
    assert mcp.answer(10, 30) == {"jsonrpc": "2.0", "id": 10, "result": {}}, mcp.stderr[-2000:]
    errors = [json.loads(line)["error"]["code"] for line in mcp.lines if b'"error"' in line]
    assert errors.count(-32700) >= 3 and errors.count(-32600) >= 3, mcp.lines
    assert mcp.answer(2, 1)["error"]["code"] == -32600  # the request without a method, by its id


def test_a_lone_surrogate_in_a_request_gets_an_answer(mcp):
    mcp.send(b'{"jsonrpc":"2.0","id":50,"method":"tools/call","params":{"name":"run_python","arguments":'
             b'{"code":"print(1)","stdin":"\\ud800"}}}')
    answer = mcp.answer(50, 30)
    assert answer is not None and answer["error"]["code"] == -32700, answer
    errors_before = sum(b'"error"' in line for line in mcp.lines)
    mcp.send(b'{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"\\udc00","progress":1}}')
    mcp.send(b'{"jsonrpc":"2.0","id":51,"method":"ping"}')
    assert mcp.answer(51, 30) == {"jsonrpc": "2.0", "id": 51, "result": {}}
    assert sum(b'"error"' in line for line in mcp.lines) == errors_before  # a notification is never answered


def test_unknown_methods_tools_and_resources_are_errors(mcp):
    mcp.send(b'{"jsonrpc":"2.0","id":11,"method":"nope/nope"}')
    assert mcp.answer(11, 30)["error"]["code"] == -32601
    mcp.call(12, "nope", {})
    assert mcp.answer(12, 30)["result"]["isError"] is True
    for i, uri in enumerate(["file:///etc/passwd", "sandboxes://policy/../../etc/passwd", "sandboxes://POLICY",
                             "http://127.0.0.1:1/"]):
        mcp.send(json.dumps({"jsonrpc": "2.0", "id": 20 + i, "method": "resources/read",
                             "params": {"uri": uri}}).encode())
        answer = mcp.answer(20 + i, 30)
        assert answer is not None and "error" in answer and "root:" not in json.dumps(answer), answer


@pytest.mark.parametrize("arguments", [{"code": 5}, {"code": None}, {"code": ["print(1)"]}, {"stdin": "x"},
                                       {"code": "print(1)", "timeout": "soon"}, {"code": "print(1)", "timeout": 1e999},
                                       {"code": "print(1)", "timeout": 3600},
                                       {"code": "print(1)", "memory_mb": 1 << 40}])
def test_wrong_arguments_are_tool_errors(mcp, arguments):
    mcp.call(30, "run_python", arguments)
    answer = mcp.answer(30, 60)
    assert answer is not None, mcp.stderr[-2000:]
    mcp.lines.clear()
    result = answer["result"]
    if "memory_mb" in arguments:  # not a parameter of the tool: ignored (the SDK's way), the run is normal
        assert result["structuredContent"]["stdout"] == "1\n", result
    else:
        assert result["isError"] is True and "Traceback" not in json.dumps(result), result


def test_a_huge_program_is_answered(mcp):
    mcp.call(40, "run_python", {"code": "#" * (2 << 20)})
    answer = mcp.answer(40, 60)
    assert answer is not None and answer["result"]["structuredContent"]["status"] == "violation", answer
    mcp.send(b'{"jsonrpc":"2.0","id":41,"method":"tools/call","params":{"name":"check","arguments":'
             b'{"lang":"python","code":"print(1)"}}}')
    assert mcp.answer(41, 60)["result"]["structuredContent"]["ok"] is True
    mcp.send(b'{"jsonrpc":"2.0","id":42,"method":"ping"}')
    assert mcp.answer(42, 30) is not None and mcp.proc.poll() is None
