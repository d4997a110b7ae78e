"""Malformed input of every kind, in all three languages, through ``run()`` and the CLI.

Each gets a clear error (a ``SandboxError`` subclass / CLI exit 2 with one line) or a ``Result`` with a
refusing status, never a traceback or a hang.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import sandboxes
from sandboxes import LimitError, PolicyError, SandboxError, UnknownLanguageError

LANGS = ("python", "javascript", "go")
HELLO = {
    "python": "print('hi')\n",
    "javascript": "console.log('hi')\n",
    "go": 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n',
}
EXT = {"python": ".py", "javascript": ".js", "go": ".go"}
REFUSED = {"violation", "compile_error", "error"}


def _encodable(r):
    (r.stdout + r.stderr).encode("utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_non_utf8_bytes_are_a_violation(lang):
    r = sandboxes.run(lang, b"\xff\xfe" + HELLO[lang].encode())
    assert r.status == "violation" and r.violations[0].kind == "encoding"


@pytest.mark.parametrize("lang", LANGS)
def test_lone_surrogates_in_code_are_a_violation(lang):
    r = sandboxes.run(lang, HELLO[lang] + "\udc80")
    assert r.status == "violation" and "surrogate" in r.violations[0].detail


@pytest.mark.parametrize("lang", LANGS)
def test_ten_megabytes_of_code_is_a_size_violation(lang):
    r = sandboxes.run(lang, "x" * (10 * 1024 * 1024))
    assert r.status == "violation" and r.violations[0].kind == "size"
    assert sandboxes.check(lang, "x" * (10 * 1024 * 1024))[0].kind == "size"


@pytest.mark.parametrize("lang", LANGS)
def test_nul_byte_outside_a_literal_is_refused(lang):
    code = HELLO[lang].rstrip("\n") + "\x00\n"
    r = sandboxes.run(lang, code, timeout=2.0)
    assert r.status in REFUSED, r
    _encodable(r)


def test_go_nul_byte_inside_a_string_literal_is_a_compile_error():
    code = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("a\x00b") }\n'
    r = sandboxes.run("go", code)
    assert r.status in ("compile_error", "violation"), r
    assert "NUL" in r.stderr + "".join(v.detail for v in r.violations)


def test_js_nul_inside_a_string_is_just_data():
    r = sandboxes.run("javascript", 'console.log("a\\u0000b" + "\x00")')
    assert r.status == "ok" and r.stdout == "a\x00b\x00\n"


def test_js_lone_surrogate_built_at_run_time_comes_back_as_valid_text():
    r = sandboxes.run("javascript", 'console.log("\\ud800", String.fromCharCode(0xdc00), "ok")')
    assert r.status == "ok" and r.stdout.endswith("ok\n")
    _encodable(r)


def test_go_invalid_utf8_output_comes_back_as_valid_text():
    code = 'package main\n\nimport "os"\n\nfunc main() { os.Stdout.Write([]byte{0xff, 0xfe, 0x41}) }\n'
    r = sandboxes.run("go", code)
    for _ in range(10):  # a cold compile may outrun the timeout on a loaded machine; it goes on into the cache
        if r.extra.get("stop_detail") != "compile timeout":
            break
        r = sandboxes.run("go", code)
    assert r.status == "ok" and r.stdout.endswith("A")
    _encodable(r)


def test_python_lone_surrogate_printed_by_the_guest_comes_back_as_valid_text():
    r = sandboxes.run("python", "print(chr(0xd800), 'ok')")
    _encodable(r)


@pytest.mark.parametrize("lang", LANGS)
def test_non_utf8_stdin_is_a_caller_error(lang):
    with pytest.raises(LimitError):
        sandboxes.run(lang, HELLO[lang], stdin=b"\xff")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("timeout", [-1, 0, float("nan"), float("inf"), "2", True, 1e9])
def test_bad_timeouts_are_caller_errors(lang, timeout):
    with pytest.raises(LimitError):
        sandboxes.run(lang, HELLO[lang], timeout=timeout)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("memory_mb", [-5, 0, 1.5, "64", 10**9])
def test_bad_memory_is_a_caller_error(lang, memory_mb):
    with pytest.raises(LimitError):
        sandboxes.run(lang, HELLO[lang], memory_mb=memory_mb)


@pytest.mark.parametrize("lang", ["cobol", "", "python4", "py\x00", "java script"])
def test_unknown_language(lang):
    with pytest.raises(UnknownLanguageError):
        sandboxes.run(lang, "x")


@pytest.mark.parametrize("code", [None, 42, ["print(1)"], object()])
@pytest.mark.parametrize("lang", LANGS)
def test_code_of_the_wrong_type_is_a_caller_error(lang, code):
    with pytest.raises(SandboxError):
        sandboxes.run(lang, code)


@pytest.mark.parametrize("text", [
    "version: 1\ndefaults:\n  timeout_s: -1\n",
    "version: 1\ndefaults:\n  timeout_s: ten\n",
    "version: 1\njavascript:\n  isolation: docker\n",
    "version: 1\ngo:\n  packages: [os/exec, 7]\n",
    "version: 1\npython:\n  memory_mb: 0\n",
    "version: 1\nnope: 1\n",
    "\xff\xfe",
    ": : :\n",
])
def test_bad_policy_values_are_policy_errors(tmp_path, text):
    p = tmp_path / "p.yaml"
    p.write_bytes(text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text)
    with pytest.raises(PolicyError):
        sandboxes.load_policy(p)
    with pytest.raises(PolicyError):
        sandboxes.run("python", "print(1)", policy=p)


# ---------------------------------------------------------------------------- CLI


def cli(*args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "sandboxes", *args], input=stdin, capture_output=True, timeout=120)


@pytest.mark.parametrize("lang", LANGS)
def test_cli_non_utf8_file_is_a_violation(tmp_path, lang):
    f = tmp_path / f"bad{EXT[lang]}"
    f.write_bytes(b"\xff\xfe" + HELLO[lang].encode())
    p = cli("run", str(f))
    assert p.returncode == 1 and b"violation" in p.stderr and b"Traceback" not in p.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_cli_nul_byte_file_is_refused(tmp_path, lang):
    f = tmp_path / f"nul{EXT[lang]}"
    f.write_bytes(HELLO[lang].rstrip("\n").encode() + b"\x00\n")
    p = cli("run", str(f), "--json")
    assert p.returncode != 0 and b"Traceback" not in p.stderr
    import json

    assert json.loads(p.stdout)["status"] in REFUSED


@pytest.mark.parametrize("lang", LANGS)
def test_cli_huge_file_is_a_size_violation(tmp_path, lang):
    f = tmp_path / f"huge{EXT[lang]}"
    f.write_bytes(b"x" * (10 * 1024 * 1024))
    p = cli("run", str(f), "--json")
    assert p.returncode == 1 and b'"size"' in p.stdout


@pytest.mark.parametrize("args", [
    ("run", "--lang", "cobol", "-e", "x"),
    ("run", "--lang", "go", "-e", "package main", "--timeout", "-1"),
    ("run", "--lang", "js", "-e", "1", "--timeout", "nan"),
    ("run", "--lang", "python", "-e", "1", "--memory-mb", "0"),
    ("run", "unknown.ext"),
    ("check", "--lang", "klingon", "-e", "x"),
    ("audit", "--lang", "cobol"),
])
def test_cli_caller_mistakes_exit_2_with_one_line(args):
    p = cli(*args)
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert b"Traceback" not in p.stderr


def test_cli_bad_policy_exits_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\ndefaults:\n  timeout_s: -3\n")
    for lang in LANGS:
        p = cli("run", "--lang", lang, "-e", HELLO[lang], "--policy", str(bad))
        assert p.returncode == 2 and b"timeout_s" in p.stderr and b"Traceback" not in p.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_cli_non_utf8_stdin_is_a_caller_error(tmp_path, lang):
    data = tmp_path / "in.bin"
    data.write_bytes(b"\xff\xfe")
    p = cli("run", "--lang", lang, "-e", HELLO[lang], "--stdin", str(data))
    assert p.returncode == 2 and b"Traceback" not in p.stderr
