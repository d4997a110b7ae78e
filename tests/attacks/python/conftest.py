"""Shared fixtures of the Python attack corpus.

Every attack runs twice: in the caller's process (``isolation: inprocess``,
the language layer alone) and in a confined worker child (``isolation:
worker``, the default). ``SANDBOXES_ATTACK_MODES=inprocess`` (comma-separated)
narrows that locally; the default is both.

Planted before any sandbox starts:

* a canary environment variable (``SANDBOXES_ATTACK_CANARY``) holding a
  random secret, in this (host) process;
* a canary file in a fresh temp dir holding another random secret;
* a TCP listener on 127.0.0.1 that counts the connections it accepts.

``guest.run`` runs a program on a helper thread with a wall-clock bound, so
an attack that wedges the host fails its test instead of hanging the suite.
``guest.contained`` asserts the outcome every attack shares: the status is
one of the expected ones, neither secret appears in the output, no host path
(repository, site-packages, the standard library) appears in it, and the host
still runs programs. ``guest.assert_next_run_clean`` runs a probe of shared
state (module facades, library classes, decimal, recursion limit...) and
compares it with the probe's output from a fresh sandbox.
"""

from __future__ import annotations

import dataclasses
import os
import secrets
import socket
import sys
import sysconfig
import threading
import time
from pathlib import Path
from typing import Any, Iterable

import pytest

import sandboxes
from sandboxes import Result, Sandbox, default_policy

ROOT = Path(__file__).resolve().parents[3]
CANARY_ENV = "SANDBOXES_ATTACK_CANARY"
ALL_MODES = ("inprocess", "worker")
# ``wasm`` (python.engine: wasm) only when named: many attacks assert RestrictedPython's refusals, which
# the wasm guest legitimately does not make; reports/wasm-python-attacks.md sorts them.
OPT_IN_MODES = ("wasm",)
# Margin check (local, by hand): ``SANDBOXES_ATTACK_TIMEOUT_SCALE=5`` runs every payload with five times its
# timeout and skips the ``max_wall`` bounds. An attack that expects ``timeout`` and then ends ``ok`` is one whose
# payload a faster machine could finish inside its real timeout (a flaky test, as CI found twice).
TIMEOUT_SCALE = float(os.environ.get("SANDBOXES_ATTACK_TIMEOUT_SCALE", "1") or 1)
MODES = tuple(m for m in os.environ.get("SANDBOXES_ATTACK_MODES", ",".join(ALL_MODES)).split(",")
              if m in ALL_MODES + OPT_IN_MODES)

# Strings that must never show up in what the guest prints or what the runtime reports.
HOST_PATHS = tuple(sorted({
    str(ROOT),
    "site-packages",
    "/usr/lib/python",
    sysconfig.get_paths()["stdlib"],
    sysconfig.get_paths()["purelib"],
    str(Path(sandboxes.__file__).resolve().parent),
    sys.prefix,
}))

_SITE_HINT = ("Site initialization is disabled, did you forget to add the site-packages directory to sys.path "
              "or to enable your virtual environment?")

# What a clean run sees of the state a guest could try to change. Compared
# between a fresh sandbox and a sandbox after an attack.
PROBE = r"""
import collections.abc, decimal, fractions, json, random, re, statistics, string, sys, textwrap, functools, enum, math
import itertools, copy, operator, typing, dataclasses, datetime
print("fraction", fractions.Fraction(3, 6), fractions.Fraction.limit_denominator.__name__, repr(fractions.Fraction(1, 3)))
print("textwrap", sorted(textwrap.TextWrapper.unicode_whitespace_trans.items())[:3], hasattr(textwrap.TextWrapper, "width"), textwrap.TextWrapper().width)
print("wrap", textwrap.wrap("a b c d e f", 3))
print("decimal", decimal.getcontext().prec, decimal.getcontext().rounding, decimal.Decimal(1) / decimal.Decimal(7))
print("recursion", sys.getrecursionlimit())
print("abc", isinstance(1, collections.abc.Sequence), isinstance({}, collections.abc.Sequence),
      issubclass(int, collections.abc.Sequence))
print("json", json.dumps({"a": [1, 2]}), json.loads("[1]"), json.JSONEncoder.item_separator)
print("string", string.ascii_letters, string.Template("$x").substitute(x=1))
print("re", re.sub("a", "b", "aa"), re.IGNORECASE)
print("stats", statistics.mean([1, 2, 3]), statistics.NormalDist(0, 1).cdf(0))
print("enum", [m.name for m in re.RegexFlag][:3])
print("math", math.pi, math.factorial(5))
print("sysattrs", sorted(dir(sys)))
print("builtins", len.__name__, print.__name__, str(sorted)[:20], type(abs).__name__, int("12"), str(3))
print("random", type(random.random()).__name__)
print("typing", typing.List[int], typing.Optional[str])
print("dc", dataclasses.fields.__name__, datetime.date(2020, 1, 2).isoformat())
print("misc", "{0}-{1}".format(1, 2), "%s" % 5, f"{3!r}", operator.add(1, 2), copy.copy([1])[0])
print("ops", list(itertools.islice(itertools.count(), 3)), functools.reduce(operator.add, [1, 2, 3]))
"""


@dataclasses.dataclass
class Canary:
    env_secret: str
    file_secret: str
    file_path: Path

    @property
    def secrets(self) -> tuple[str, str]:
        return (self.env_secret, self.file_secret)


@pytest.fixture(scope="session")
def canary(tmp_path_factory: pytest.TempPathFactory) -> Iterable[Canary]:
    """A secret env var in the host process and a secret file in a temp dir."""
    env_secret = "envcanary" + secrets.token_hex(12)
    file_secret = "filecanary" + secrets.token_hex(12)
    d = tmp_path_factory.mktemp("canary")
    path = d / "secret.txt"
    path.write_text(file_secret + "\n")
    old = os.environ.get(CANARY_ENV)
    os.environ[CANARY_ENV] = env_secret
    yield Canary(env_secret, file_secret, path)
    if old is None:
        os.environ.pop(CANARY_ENV, None)
    else:
        os.environ[CANARY_ENV] = old


class Listener:
    """A TCP server on 127.0.0.1 that counts accepted connections."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port: int = self.sock.getsockname()[1]
        self.count = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="attack-listener", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.count += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener() -> Iterable[Listener]:
    lst = Listener()
    yield lst
    lst.close()


def _policy(mode: str) -> Any:
    pol = default_policy()
    if mode == "wasm":
        from tests.python_wasm import wasmhelp

        return dataclasses.replace(pol, python=dataclasses.replace(
            pol.python, engine="wasm", wasm_cache_dir=str(wasmhelp.cache_dir()),
            wasm_compile_timeout_s=wasmhelp.build_wait_s(), wasm_tier=wasmhelp.TIER))
    return dataclasses.replace(pol, python=dataclasses.replace(pol.python, isolation=mode))


class Guest:
    """One sandbox in one isolation mode, with the assertions every attack shares."""

    def __init__(self, mode: str, canary: Canary) -> None:
        self.mode = mode
        self.canary = canary
        self.sandbox = Sandbox(_policy(mode))

    def close(self) -> None:
        self.sandbox.close()

    def run(self, code: str, *, timeout: float | None = None, wall: float | None = None, stdin: str = "",
            memory_mb: int | None = None) -> Result:
        """Run ``code`` (``timeout`` up to the policy's ceiling); fail the test if the call does not
        return within ``wall`` seconds (the host is wedged)."""
        wall = wall if wall is not None else (timeout or 2.0) + 8.0
        if TIMEOUT_SCALE != 1:
            wall = wall + ((timeout or 2.0) * (TIMEOUT_SCALE - 1))
            timeout = min((timeout or 2.0) * TIMEOUT_SCALE, 60.0)  # the policy's ceiling
        box: dict[str, Any] = {}

        def target() -> None:
            try:
                box["result"] = self.sandbox.run("python", code, stdin=stdin, timeout=timeout, memory_mb=memory_mb)
            except BaseException as e:  # noqa: BLE001 - reported below
                box["error"] = e

        t = threading.Thread(target=target, name=f"attack-run-{self.mode}", daemon=True)
        t0 = time.monotonic()
        t.start()
        t.join(wall)
        if t.is_alive():
            pytest.fail(f"[{self.mode}] the run did not return within {wall:.1f}s: the host is wedged")
        if "error" in box:
            raise AssertionError(f"[{self.mode}] Sandbox.run raised instead of returning a Result") from box["error"]
        r: Result = box["result"]
        self.last_wall = time.monotonic() - t0
        if self.mode == "wasm":  # many attacks expect a refusal status first: check secrets before it
            self._no_leak(r)
        return r

    def _no_leak(self, r: Result) -> None:
        # CPython 3.15's ModuleNotFoundError hint names site-packages as a word, not as a host path
        text = (r.stdout + r.stderr).replace(_SITE_HINT, "")
        for s in self.canary.secrets:
            assert s not in text, f"[{self.mode}] a canary secret leaked into the output: {text[:2000]}"
        for p in HOST_PATHS:
            assert p not in text, f"[{self.mode}] host path {p!r} leaked into the output: {text[:2000]}"

    def contained(self, r: Result, statuses: Iterable[str], *, forbidden: Iterable[str] = (),
                  max_wall: float | None = None) -> None:
        """The shared assertions: expected status, no secret, no host path, the host still works."""
        allowed = {str(s) for s in statuses}
        assert str(r.status) in allowed, (
            f"[{self.mode}] status {r.status!s} not in {sorted(allowed)}\nstdout: {r.stdout[:2000]}\n"
            f"stderr: {r.stderr[:2000]}")
        self._no_leak(r)
        for f in forbidden:  # markers the payload prints once a step succeeded (stdout only: the
            # traceback in stderr quotes the source line, marker included)
            assert f not in r.stdout, f"[{self.mode}] {f!r} in the output: the attack got further than it should\n" \
                                  f"stdout: {r.stdout[:2000]}\nstderr: {r.stderr[:2000]}"
        if max_wall is not None and TIMEOUT_SCALE == 1:
            assert self.last_wall <= max_wall, f"[{self.mode}] the run took {self.last_wall:.2f}s (> {max_wall}s)"
        self.assert_alive()

    def refused_before_allocation(self, code: str) -> None:
        """A one-C-call amplifier (join, replace, translate, re.sub...) is answered memory_limit without its
        marker; in-process the size guard must be what answered (the worker's kernel limit may answer first
        there), and the next run is clean."""
        r = self.run(code, timeout=3.0)
        self.contained(r, {"memory_limit"}, forbidden=["REACHED"])
        if self.mode == "inprocess":
            assert "would need at least" in r.stderr, r.stderr
        self.assert_next_run_clean()

    def assert_alive(self) -> None:
        r = self.run("print(sum(i * i for i in range(10)))")
        assert (str(r.status), r.stdout) == ("ok", "285\n"), f"[{self.mode}] the sandbox no longer works: {r}"

    def baseline(self) -> str:
        return _BASELINES[self.mode]

    def assert_next_run_clean(self) -> None:
        """The next run of this sandbox sees the same shared state as a fresh sandbox's first run."""
        expected = self.baseline()
        r = self.run(PROBE)
        assert str(r.status) == "ok", f"[{self.mode}] the probe failed after the attack: {r.stderr}"
        got, want = r.stdout.splitlines(), expected.splitlines()
        diff = [(w, g) for w, g in zip(want, got) if w != g]
        assert got == want, f"[{self.mode}] a run changed what the next run sees: {diff or (want, got)}"


_guests: dict[str, Guest] = {}
_BASELINES: dict[str, str] = {}

# Library classes an in-process attack may try to poison. Restored after every test, so that one
# successful poisoning fails its own test and not every later one.
_WATCHED = [("fractions", "Fraction"), ("textwrap", "TextWrapper"), ("json", "JSONEncoder"), ("json", "JSONDecoder"),
            ("string", "Template"), ("statistics", "NormalDist"), ("collections", "UserDict"),
            ("collections", "UserList"), ("collections", "UserString"), ("enum", "Enum"), ("enum", "EnumType"),
            ("functools", "partialmethod"), ("dataclasses", "Field"), ("random", "Random"), ("decimal", "Context")]


@pytest.fixture(scope="session", autouse=True)
def _baselines(canary: Canary) -> None:
    """The probe's output from fresh sandboxes, taken before any attack runs."""
    for mode in MODES:
        with Sandbox(_policy(mode)) as fresh:
            r = fresh.run("python", PROBE)
        assert str(r.status) == "ok", f"the probe itself fails ({mode}): {r.stderr}"
        _BASELINES[mode] = r.stdout


@pytest.fixture(autouse=True)
def _restore_library_classes() -> Iterable[None]:
    import importlib

    saved = []
    for mod, name in _WATCHED:
        cls = getattr(importlib.import_module(mod), name)
        saved.append((cls, dict(cls.__dict__)))
    yield
    for cls, before in saved:
        now = dict(cls.__dict__)
        for k, v in before.items():
            if now.get(k, object()) is not v:
                try:
                    setattr(cls, k, v)
                except (AttributeError, TypeError):
                    pass
        for k in now.keys() - before.keys():
            try:
                delattr(cls, k)
            except (AttributeError, TypeError):
                pass


@pytest.fixture(scope="session")
def _guest_pool(canary: Canary) -> Iterable[dict[str, Guest]]:
    yield _guests
    for g in _guests.values():
        g.close()
    _guests.clear()


@pytest.fixture(params=MODES)
def guest(request: pytest.FixtureRequest, _guest_pool: dict[str, Guest], canary: Canary) -> Guest:
    """The sandbox of one isolation mode (shared by the session: an attack must not affect later ones)."""
    mode = request.param
    g = _guest_pool.get(mode)
    if g is None:
        g = _guest_pool[mode] = Guest(mode, canary)
    return g


@pytest.fixture
def fresh_guest(request: pytest.FixtureRequest, canary: Canary) -> Iterable[Guest]:
    """A sandbox of its own, for attacks that try to change what the next run sees."""
    mode = request.param if hasattr(request, "param") else "inprocess"
    g = Guest(mode, canary)
    yield g
    g.close()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "fresh_guest" in metafunc.fixturenames:
        metafunc.parametrize("fresh_guest", MODES, indirect=True)
