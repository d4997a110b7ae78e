"""The service: ``sandboxes serve`` (HTTP + Prometheus metrics) and ``sandboxes mcp`` (an MCP server).

Both are optional extras (``pip install 'sandboxes[server]'``, ``'sandboxes[mcp]'``) and neither is
imported by ``import sandboxes``. They share one ``Sandbox`` per process through ``Runner``
(``_runner``): a bound on runs at once, a bounded queue behind it, and the metrics. Neither adds a
second way to run code.

    create_app(...)         the FastAPI application of ``sandboxes serve`` (``sandboxes.server._http``)
    create_mcp_server(...)  the MCP server of ``sandboxes mcp`` (``sandboxes.server._mcp``)
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app", "create_mcp_server"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from ._http import create_app

        return create_app
    if name == "create_mcp_server":
        from ._mcp import create_mcp_server

        return create_mcp_server
    raise AttributeError(f"module 'sandboxes.server' has no attribute {name!r}")
