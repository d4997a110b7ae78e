# Tries: every way of getting past a bearer-token check short of knowing the token: no header, an
# empty one, the scheme alone, a prefix or an extension of the token, the token in another scheme,
# two Authorization headers (the right one last, or first: two readers that pick different ones),
# the token in the query string or a cookie, bytes that are not ASCII (latin-1 and UTF-8 encodings
# of the same text), and a token file whose token a client could not send byte for byte.
# Published: RFC 6750 section 2.1 (the b64token syntax of a bearer credential); OWASP Authentication
# Cheat Sheet; Ray CVE-2023-48022 "ShadowRay" (a code-running API exposed without authentication).
import pytest

from sandboxes.cli import main

from .conftest import raw, request, status

JOB = b'{"lang":"python","code":"print(6*7)"}'


def post(server, extra, path="/v1/run"):
    headers = [("Host", server.url.removeprefix("http://")), ("Content-Type", "application/json"),
               ("Content-Length", str(len(JOB))), *extra]
    return raw(server.url, request("POST", path, headers, JOB))


def test_no_credential_is_refused(token_server):
    t = token_server.token
    for extra in ([], [("Authorization", "")], [("Authorization", "Bearer")], [("Authorization", "Bearer ")],
                  [("Authorization", f"Bearer {t[:-1]}")], [("Authorization", f"Bearer {t}{t}")],
                  [("Authorization", f"Basic {t}")], [("Authorization", f"Token {t}")],
                  [("Authorization", f"Bearer\t{t}x")], [("Cookie", f"token={t}")]):
        out = post(token_server, extra)
        assert status(out) == 401 and b'"42\\n"' not in out, (extra, out[:200])
    assert status(post(token_server, [], f"/v1/run?token={t}&access_token={t}")) == 401


def test_two_authorization_headers_are_refused(token_server):
    t = token_server.token
    for extra in ([("Authorization", "Bearer wrong-wrong-wrong-wrong"), ("Authorization", f"Bearer {t}")],
                  [("Authorization", f"Bearer {t}"), ("Authorization", "Bearer wrong-wrong-wrong-wrong")]):
        out = post(token_server, extra)
        assert status(out) == 400 and b'"Authorization"' in out, out[:200]


def test_bytes_that_are_not_ascii_are_a_401(token_server):
    for value in ("Bearer caf\xe9-\xe9\xe9\xe9\xe9\xe9\xe9\xe9\xe9\xe9\xe9", "Bearer " + "\xff" * 40):
        out = post(token_server, [("Authorization", value)])
        assert status(out) == 401, out[:200]


def test_the_scheme_is_case_insensitive_and_the_right_token_works(token_server):
    out = post(token_server, [("Authorization", f"bEaReR {token_server.token}")])
    assert status(out) == 200 and b'"42\\n"' in out


@pytest.mark.parametrize("token", ["caf\u00e9" * 5, "tab\tseparated-token-xx", "x" * 15])
def test_a_token_a_client_cannot_send_is_refused_at_start(tmp_path, capsys, token):
    f = tmp_path / "token"
    f.write_text(token, encoding="utf-8")
    f.chmod(0o600)
    assert main(["serve", "--token-file", str(f)]) == 2
    assert "visible ASCII" in capsys.readouterr().err
