# Tries: starting either server without a token on an address other machines reach, spelled so that
# a loose loopback test might pass it: 0.0.0.0, "" and "0" (both mean every interface to the socket
# API), "::", a LAN-style address, "localhost.localdomain", 127.0.0.1 with spaces, a hostname.
# Published: Jupyter's warning on --ip=0.0.0.0 without a token (Jupyter Server security docs);
# Ray CVE-2023-48022 "ShadowRay"; MCP spec Transports: "When running locally, servers SHOULD bind
# only to localhost (127.0.0.1) rather than all network interfaces (0.0.0.0)".
import pytest

from sandboxes.cli import main

HOSTS = ["0.0.0.0",  # noqa: S104 - refused, the point of the test
         "", "0", "::", "0:0:0:0:0:0:0:0", "192.168.1.10", "10.0.0.1", "localhost.localdomain",
         "example.com", "127.0.0.1.nip.io", "::ffff:0.0.0.0"]


@pytest.fixture(autouse=True)
def never_serve(monkeypatch):
    """A host let through would start serving: fail instead of blocking."""
    uvicorn = pytest.importorskip("uvicorn")

    def run(self, *args, **kwargs):
        raise AssertionError(f"the server started on {self.config.host!r} without a token")

    monkeypatch.setattr(uvicorn.Server, "run", run)


@pytest.mark.parametrize("command", [["serve"], ["mcp", "--http"]])
@pytest.mark.parametrize("host", HOSTS)
def test_no_auth_is_refused_off_loopback(capsys, command, host):
    assert main([*command, "--host", host, "--no-auth"]) == 2
    assert "loopback" in capsys.readouterr().err
