# Tries: starting a long run with tools/call and cancelling it with notifications/cancelled, again and
# again: the SDK cancels the handler, which gave back the Runner's slot while the run went on in its
# thread; the next call then waited behind it in the thread pool's queue, a queue with no bound (one
# worker here: the next call waited for the whole cancelled run). Also a cancel and a progress
# notification for request ids that do not exist.
# Published: MCP spec, Utilities, Cancellation ("notifications/cancelled ... the receiver SHOULD stop
# processing the cancelled request, free associated resources"); OWASP API4 2023.
import time

import pytest

from .conftest import StdioMCP

pytest.importorskip("mcp")


@pytest.fixture(scope="module")
def mcp_one_worker():
    server = StdioMCP("--workers", "1")
    yield server
    server.close()


def test_a_cancelled_run_frees_its_slot(mcp_one_worker):
    m = mcp_one_worker
    m.call(1, "run_python", {"code": "import time\ntime.sleep(40)\nprint('late')", "timeout": 50})
    time.sleep(2.0)
    m.send(b'{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,"reason":"attack"}}')
    t0 = time.monotonic()
    m.call(2, "run_python", {"code": "print('next')"})
    answer = m.answer(2, 60)
    took = time.monotonic() - t0
    assert answer is not None and answer["result"]["structuredContent"]["stdout"] == "next\n", answer
    assert took < 25, f"the next call waited {took:.1f} s behind the cancelled run"  # that run sleeps 40 s


def test_cancel_and_progress_for_unknown_ids(mcp_one_worker):
    m = mcp_one_worker
    for line in (b'{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":424242}}',
                 b'{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":{"x":[1]}}}',
                 b'{"jsonrpc":"2.0","method":"notifications/cancelled","params":{}}',
                 b'{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"nope","progress":1}}',
                 b'{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":7,"progress":"x"}}'):
        m.send(line)
    m.send(b'{"jsonrpc":"2.0","id":9,"method":"ping"}')
    assert m.answer(9, 30) == {"jsonrpc": "2.0", "id": 9, "result": {}}
    assert m.proc.poll() is None
