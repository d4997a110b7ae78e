import json
import subprocess
import sys

import pytest

from sandboxes.cli import main


def cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "sandboxes", *args], input=stdin, capture_output=True,
                          timeout=120)


def test_run_file_exit_code_mirrors_program(tmp_path):
    f = tmp_path / "p.py"
    f.write_text("import sys\nprint(input() * 2)\nsys.exit(7)\n")
    s = tmp_path / "in.txt"
    s.write_text("ab\n")
    r = cli("run", str(f), "--stdin", str(s))
    assert r.returncode == 7 and r.stdout == b"abab\n"


def test_run_json():
    r = cli("run", "-e", "print(1)", "--lang", "py", "--json")
    data = json.loads(r.stdout)
    assert r.returncode == 0 and data["status"] == "ok" and data["stdout"] == "1\n"


def test_caller_mistakes_exit_2(tmp_path):
    assert cli("run", "-e", "print(1)").returncode == 2  # no --lang
    assert cli("run", str(tmp_path / "x.cob")).returncode == 2
    assert cli("run", "-e", "1", "--lang", "cobol").returncode == 2
    r = cli("run", "-e", "1", "--lang", "py", "--timeout", "-1")
    assert r.returncode == 2 and b"timeout" in r.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("defaults:\n  timeout_s: ten\n")
    r = cli("run", "-e", "1", "--lang", "py", "--policy", str(bad))
    assert r.returncode == 2 and b"bad.yaml:2: defaults.timeout_s" in r.stderr


def test_non_utf8_file_is_a_violation(tmp_path):
    f = tmp_path / "p.py"
    f.write_bytes(b"print('\xff')\n")
    r = cli("run", str(f))
    assert r.returncode == 1 and b"violation" in r.stderr


def test_check_and_policy_show(tmp_path):
    f = tmp_path / "p.py"
    f.write_text("import os\n")
    r = cli("check", str(f))
    assert r.returncode == 1 and b":1: import:" in r.stdout
    r = cli("policy", "show", "--json")
    data = json.loads(r.stdout)
    assert data["python"]["isolation"] == "worker" and len(data["sha256"]) == 64


def test_main_in_process(capsys):
    assert main(["run", "-e", "print('hi')", "--lang", "python"]) == 0
    assert capsys.readouterr().out == "hi\n"
    with pytest.raises(SystemExit):
        main(["frobnicate"])


def test_run_timeout_up_to_the_shipped_ceiling():
    # before: --timeout 60 exited 2 (LimitError: above the 2 s default) with the shipped policy
    r = cli("run", "-e", "print(1)", "--lang", "py", "--timeout", "60")
    assert r.returncode == 0 and r.stdout == b"1\n", r.stderr
    r = cli("run", "-e", "print(1)", "--lang", "py", "--timeout", "61")
    assert r.returncode == 2 and b"raise max_timeout_s" in r.stderr


def test_policy_show_merges_a_minimal_file(tmp_path):
    p = tmp_path / "min.yaml"
    p.write_text("defaults: {timeout_s: 10}\npython:\n  memory_mb: 1024\n")
    r = cli("policy", "show", "--policy", str(p), "--json")
    data = json.loads(r.stdout)
    assert r.returncode == 0 and data["source"] == "min.yaml" and data["merged_over"] == "policy.yaml"
    assert data["python"]["limits"]["timeout_s"] == 10.0 and data["python"]["limits"]["memory_mb"] == 1024
    assert "math" in data["python"]["modules"] and "fmt" in data["go"]["packages"]
    assert data["javascript"]["limits"]["max_timeout_s"] == 60.0
    bad = tmp_path / "bad.yaml"
    bad.write_text("python:\n  modules:\n    - math\n    - os\n")
    r = cli("policy", "show", "--policy", str(bad))
    assert r.returncode == 2 and b"bad.yaml:4: python.modules[1]: the Python sandbox cannot hand out 'os'" in r.stderr


def test_the_readme_demo_succeeds():
    """`sandboxes demo` (the README's first command): each language's program is ok and each attack is
    refused, exit 0. Its JavaScript attack once read the Node-style `process` shim, which issue 13 made
    a harmless stand-in: the demo reported that as an escape and exited 1 on a fresh machine."""
    # its Go run may wait for a fresh machine's standard-library build: a generous bound
    p = subprocess.run([sys.executable, "-m", "sandboxes", "demo"], capture_output=True, timeout=600)
    out = p.stdout.decode()
    assert p.returncode == 0, out + p.stderr.decode()[-2000:]
    assert out.count("[ok ]") == 6 and "FAIL" not in out, out
