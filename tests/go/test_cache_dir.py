"""No usable cache directory (HOME unset or read-only, an arbitrary UID without a passwd entry):
a clear ``RuntimeUnavailableError`` naming the directory and how to choose another, a clear
``sandboxes warmup`` message, and ``sandboxes doctor`` checking it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import sandboxes
from sandboxes.errors import RuntimeUnavailableError
from sandboxes.go._toolchain import default_cache_dir
from tests.go.gohelp import HELLO, ROOT, policy, with_go


def test_no_home_and_no_passwd_entry_names_the_ways_out(monkeypatch):
    import pwd

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_entry(uid: int) -> None:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    with pytest.raises(RuntimeUnavailableError) as e:
        default_cache_dir()
    assert "go.cache_dir" in str(e.value) and "XDG_CACHE_HOME" in str(e.value) and "HOME" in str(e.value)
    with sandboxes.Sandbox(with_go(policy(), cache_dir=None)) as sb, pytest.raises(RuntimeUnavailableError):
        sb.run("go", HELLO)


def test_xdg_cache_home_is_used_when_absolute(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "sandboxes" / "go"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")  # ignored, as the XDG spec says
    monkeypatch.setenv("HOME", str(tmp_path / "h"))
    assert default_cache_dir() == tmp_path / "h" / ".cache" / "sandboxes" / "go"


def test_an_unusable_cache_directory_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    bad = blocker / "cache"  # cannot be created, whoever we are (root ignores mode bits)
    with sandboxes.Sandbox(with_go(policy(), cache_dir=str(bad))) as sb:
        with pytest.raises(RuntimeUnavailableError) as e:
            sb.run("go", HELLO)
    msg = str(e.value)
    assert str(bad) in msg and "go.cache_dir" in msg and "XDG_CACHE_HOME" in msg


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only directory anyway")
def test_a_read_only_home_is_a_clear_error(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o500)
    try:
        with sandboxes.Sandbox(with_go(policy(), cache_dir=str(home / ".cache" / "go"))) as sb:
            with pytest.raises(RuntimeUnavailableError, match="not usable"):
                sb.run("go", HELLO)
    finally:
        home.chmod(0o700)


def _env_without_cache(tmp_path) -> dict[str, str]:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(blocker), "XDG_CACHE_HOME": str(blocker)}


def test_warmup_prints_a_clear_message_not_a_traceback(tmp_path):
    p = subprocess.run([sys.executable, "-m", "sandboxes", "warmup"], cwd=ROOT, capture_output=True, text=True,
                       timeout=120, env=_env_without_cache(tmp_path))
    assert p.returncode == 2, (p.stdout, p.stderr)
    assert "Traceback" not in p.stderr and "not usable" in p.stderr and "go.cache_dir" in p.stderr


def test_doctor_checks_the_go_cache_directory(tmp_path):
    p = subprocess.run([sys.executable, "-m", "sandboxes", "doctor"], cwd=ROOT, capture_output=True, text=True,
                       timeout=120, env=_env_without_cache(tmp_path))
    assert p.returncode == 1 and "Traceback" not in p.stderr, (p.stdout, p.stderr)
    line = next(ln for ln in p.stdout.splitlines() if ln.startswith("go_cache_dir:"))
    assert "not usable" in line and "go.cache_dir" in line
    ok = subprocess.run([sys.executable, "-m", "sandboxes", "doctor"], cwd=ROOT, capture_output=True, text=True,
                        timeout=120, env={**_env_without_cache(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "x")})
    assert "go_cache_dir: ok" in ok.stdout, ok.stdout


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become a UID with no passwd entry")
def test_an_arbitrary_uid_without_a_passwd_entry():
    script = (
        "import os, sys, pwd\n"
        "import sandboxes, sandboxes.go._cache, sandboxes.go._toolchain\n"  # while the interpreter's files are readable
        "from sandboxes.errors import RuntimeUnavailableError\n"
        f"sandboxes.check('go', {HELLO!r})\n"
        "os.setgid(54321); os.setuid(54321)\n"  # OpenShift-style: a UID the passwd database does not know
        "try:\n"
        f"    sandboxes.run('go', {HELLO!r})\n"
        "except RuntimeUnavailableError as e:\n"
        "    print('RuntimeUnavailableError:', e)\n"
    )
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    p = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert "RuntimeUnavailableError:" in p.stdout and "go.cache_dir" in p.stdout, (p.stdout, p.stderr[-2000:])
