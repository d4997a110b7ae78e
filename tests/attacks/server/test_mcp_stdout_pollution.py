# Tries: corrupting the stdio transport through standard output: programs that write as much as they
# may to stdout and stderr in every language, a Go program that panics (the toolchain's output), a
# JavaScript worker that crashes (V8 prints on its way out), a Python program that raises SystemExit
# with text, and what the server itself prints at start. Every line on the server's stdout must be a
# JSON-RPC message; anything else breaks the client's reader.
# Published: MCP spec, Transports, stdio ("The server MUST NOT write anything to its stdout that is not
# a valid MCP message"); python-sdk issue #1933 (a closed sys.stdout after a transport).
import json

import pytest

from .conftest import StdioMCP

pytest.importorskip("mcp")

JS_CRASH = "'x'.repeat(2 ** 28).split('')"  # V8 aborts its process on purpose (crbug.com/1201626)
CALLS = [
    ("run_python", {"code": "import sys\nprint('o' * 500000)\nprint('e' * 500000, file=sys.stderr)"}),
    ("run_python", {"code": "raise SystemExit('bye\\n{\"jsonrpc\": \"2.0\"}')"}),
    ("run_javascript", {"code": "console.log('x'.repeat(100000)); console.error('y'.repeat(100000))"}),
    ("run_javascript", {"code": JS_CRASH, "timeout": 10}),
    ("run_go", {"code": 'package main\n\nfunc main() { panic("boom\\nline") }\n', "timeout": 10}),
    ("run_go", {"code": 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n', "timeout": 10}),
    ("check", {"lang": "go", "code": "package main\nfunc main() { undefined() }\n"}),
]


def test_every_stdout_line_is_json_rpc():
    m = StdioMCP()
    try:
        for i, (tool, arguments) in enumerate(CALLS, start=100):
            m.call(i, tool, arguments)
            assert m.answer(i, 180) is not None, (tool, m.stderr[-2000:])
    finally:
        m.close()
    for line in m.lines:
        message = json.loads(line)
        assert isinstance(message, dict) and message.get("jsonrpc") == "2.0", line[:200]
