# Tries: open a network connection (net.Dial to 127.0.0.1, net/http.Get) to exfiltrate or reach
# internal services.
# Published: the wasip1 port proposal (https://github.com/golang/go/issues/58141) notes sockets come
# only from the host (sock_accept on preopened sockets); here "net" is simply not in the allowlist.
from tests.go.gohelp import run

CASES = {
    "net": 'package main\nimport "net"\nfunc main() { net.Dial("tcp", "127.0.0.1:22") }\n',
    "net/http": 'package main\nimport "net/http"\nfunc main() { http.Get("http://127.0.0.1/") }\n',
}


def test_net_is_not_allowed():
    for path, src in CASES.items():
        r = run(src)
        assert r.status == "violation"
        assert [(v.kind, v.line) for v in r.violations] == [("import", 2)]
        assert f"{path!r} is not allowed" in r.violations[0].detail
