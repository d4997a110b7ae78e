"""``run_audit``: plant canaries, run the corpus against a policy on this machine, judge every attack.

Canaries (planted before the first run, removed after the last):

* a temp dir holding ``secret.txt`` (a random secret), ``victim.txt`` (a file
  attacks try to delete or overwrite) and ``link`` (a symlink to the secret);
* an environment variable of the host process set to another random secret;
* a TCP listener and a UDP socket on 127.0.0.1 counting what reaches them.

Attacks whose verdict needs exact attribution (listeners, victim file,
follow-up probe) run one at a time; the others run in batches through
``Sandbox.run_many`` with concurrency 2. Every call is watched: a call that
does not return within its timeout plus a grace period is a breach (the host
is wedged), and the audit goes on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fnmatch
import hashlib
import os
import platform
import secrets
import shutil
import socket
import sys
import sysconfig
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from ..policy import Policy, resolve_policy
from ..result import Result
from ._corpus import LANGUAGES, Attack, Observation, judge, load_corpus, load_probe

GRACE_S = 20.0  # beyond an attack's timeout before its call counts as wedging the host
BATCH = 4  # non-exclusive attacks per run_many call (progress granularity)
CONCURRENCY = 2

Progress = Callable[[int, int, str], None]


# --------------------------------------------------------------------------- canaries


class _TcpListener:
    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port: int = self.sock.getsockname()[1]
        self.count = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._loop, name="audit-tcp", daemon=True)
        self._t.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.count += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._t.join(2)
        self.sock.close()


class _UdpListener:
    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.port: int = self.sock.getsockname()[1]
        self.count = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._loop, name="audit-udp", daemon=True)
        self._t.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.sock.recvfrom(65536)
            except OSError:
                continue
            self.count += 1

    def close(self) -> None:
        self._stop.set()
        self._t.join(2)
        self.sock.close()


@dataclasses.dataclass
class Canaries:
    """Everything planted on the host; ``values`` fills the corpus placeholders."""

    dir: Path
    file_secret: str
    env_name: str
    env_secret: str
    victim_content: str
    tcp: _TcpListener
    udp: _UdpListener

    @property
    def file(self) -> Path:
        return self.dir / "secret.txt"

    @property
    def victim(self) -> Path:
        return self.dir / "victim.txt"

    @property
    def secrets(self) -> tuple[str, str]:
        return (self.file_secret, self.env_secret)

    def values(self) -> dict[str, str]:
        depth = len(Path.cwd().resolve().parts) + 2
        return {
            "CANARY_FILE": str(self.file),
            "CANARY_DIR": str(self.dir),
            "CANARY_REL": "../" * depth + str(self.file).lstrip("/"),
            "CANARY_LINK": str(self.dir / "link"),
            "CANARY_ENV": self.env_name,
            "VICTIM_FILE": str(self.victim),
            "TCP_PORT": str(self.tcp.port),
            "UDP_PORT": str(self.udp.port),
        }

    def dir_state(self) -> tuple[Any, ...]:
        """The temp dir as the victim clause sees it: names, and the victim's content."""
        try:
            names = tuple(sorted(os.listdir(self.dir)))
            content = self.victim.read_text("utf-8") if self.victim.is_file() else None
        except OSError:
            return ("unreadable",)
        return (names, content)


@contextlib.contextmanager
def plant_canaries() -> Iterator[Canaries]:
    """Plant every canary; remove them all (and restore the environment) afterwards."""
    d = Path(tempfile.mkdtemp(prefix="sandboxes-audit-"))
    env_name = "SANDBOXES_AUDIT_CANARY"
    old_env = os.environ.get(env_name)
    tcp = udp = None
    try:
        file_secret = "filecanary" + secrets.token_hex(12)
        env_secret = "envcanary" + secrets.token_hex(12)
        victim = "victim " + secrets.token_hex(8) + "\n"
        (d / "secret.txt").write_text(file_secret + "\n")
        (d / "victim.txt").write_text(victim)
        (d / "link").symlink_to(d / "secret.txt")
        os.environ[env_name] = env_secret
        tcp, udp = _TcpListener(), _UdpListener()
        yield Canaries(d, file_secret, env_name, env_secret, victim, tcp, udp)
    finally:
        for lst in (tcp, udp):
            if lst is not None:
                lst.close()
        if old_env is None:
            os.environ.pop(env_name, None)
        else:
            os.environ[env_name] = old_env
        shutil.rmtree(d, ignore_errors=True)


def _host_paths() -> tuple[str, ...]:
    """Host paths a guest must never see in its output (the package, the interpreter's libraries)."""
    paths = {str(Path(__file__).resolve().parents[1]), sysconfig.get_paths()["stdlib"],
             sysconfig.get_paths()["purelib"], sys.prefix if len(sys.prefix) > 5 else ""}
    return tuple(sorted(p for p in paths if p))


# --------------------------------------------------------------------------- facts of this deployment


def versions(langs: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
    """The package and engine versions this audit ran with (``unavailable: ...`` when an engine is missing)."""
    from importlib.metadata import PackageNotFoundError, version

    from .. import __version__

    def pkg(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "unavailable: not installed"

    out = {"sandboxes": __version__, "python": platform.python_version(),
           "restrictedpython": pkg("RestrictedPython"), "mini-racer": pkg("mini-racer"),
           "wasmtime": pkg("wasmtime")}
    if "javascript" in langs:
        try:
            from py_mini_racer import MiniRacer

            from ..javascript._engine import ensure_v8

            ensure_v8()  # never the process's first V8 initialisation outside its lock
            mr = MiniRacer()
            try:
                out["v8"] = str(mr.v8_version)
            finally:
                mr.close()
        except Exception as e:  # noqa: BLE001 - reported, not raised
            out["v8"] = f"unavailable: {type(e).__name__}"
    if "go" in langs:
        try:
            from ..go._toolchain import Toolchain, default_cache_dir

            pol = resolve_policy(None).go
            root = Path(pol.cache_dir).expanduser() if pol.cache_dir else default_cache_dir()
            out["go"] = Toolchain(root, pol.go_binary).version
        except Exception as e:  # noqa: BLE001
            out["go"] = f"unavailable: {type(e).__name__}: {str(e)[:120]}"
    return out


def _layers_of(doc: dict[str, Any]) -> dict[str, bool]:
    return {k: bool(v.get("available")) for k, v in doc.get("layers", {}).items()}


def checklist(policy: Policy, doc: dict[str, Any], langs: tuple[str, ...]) -> list[dict[str, Any]]:
    """How this deployment provides each control of a typical container-security checklist, per language."""
    avail = _layers_of(doc)
    rows: list[dict[str, Any]] = []

    def worker_layers(*names: str) -> str:
        have = [n for n in names if avail.get(n)]
        miss = [n for n in names if not avail.get(n)]
        s = "+".join(have) if have else "none"
        return s + (f" (missing on this machine: {', '.join(miss)})" if miss else "")

    for control in ("read-only filesystem", "no network", "non-root", "syscall filter", "resource limits",
                    "audit logging"):
        per: dict[str, str] = {}
        for lang in langs:
            lp = policy.for_language(lang)
            worker = lp.isolation == "worker"
            lim = lp.limits
            if control == "read-only filesystem":
                lang_layer = {"python": "no open(), no os/io/pathlib; modules are read-only facades",
                              "javascript": "a V8 isolate has no filesystem API",
                              "go": "WASI with no preopened directory: no path resolves"}[lang]
                per[lang] = lang_layer + (f"; worker: {worker_layers('landlock')} denies file access after start-up"
                                          if worker else "; inprocess: no kernel file restriction on the host process")
            elif control == "no network":
                lang_layer = {"python": "no socket/urllib/http modules",
                              "javascript": "a V8 isolate has no network API (no fetch, no require)",
                              "go": "net and net/http are not in the package allowlist; WASI has no sockets"}[lang]
                per[lang] = lang_layer + (f"; worker: {worker_layers('seccomp', 'netns')} (no socket syscalls, "
                                          f"empty network namespace)" if worker else
                                          "; inprocess: the host process keeps its network, the guest has no API "
                                          "to reach it")
            elif control == "non-root":
                root = doc.get("root")
                if worker:
                    per[lang] = ("worker: " + worker_layers("userns", "no_new_privs") +
                                 ("; the host runs as root" + (", workers drop to an unprivileged uid"
                                                               if doc.get("drop_root") else "") if root
                                  else "; the host runs as a non-root user"))
                else:
                    per[lang] = ("inprocess: the guest has no uid of its own (it runs inside the host process, "
                                 "which runs as " + ("root" if root else "a non-root user") + "); not applicable "
                                 "to code with no syscall access")
            elif control == "syscall filter":
                if worker:
                    per[lang] = "worker: " + worker_layers("seccomp", "no_new_privs")
                else:
                    per[lang] = {"python": "inprocess: none (the language layer alone; use isolation: worker)",
                                 "javascript": "inprocess: not applicable: V8 exposes no syscall to the guest",
                                 "go": "inprocess: not applicable: the guest reaches the host only through the "
                                       "WASI imports the host defines (no sockets, no preopens)"}[lang]
            elif control == "resource limits":
                parts = [f"timeout {lim.timeout_s} s", f"memory {lim.memory_mb} MB",
                         f"output {lim.max_output_bytes} B", f"code {lim.max_code_bytes} B"]
                engine = {"python": "deadline ticks, size guards, recursion limit",
                          "javascript": "V8 termination and heap limit",
                          "go": "wasmtime epoch deadline and linear-memory limit"}[lang]
                per[lang] = ", ".join(parts) + f"; {engine}" + (f"; worker: {worker_layers('rlimits')} and SIGKILL "
                                                                 "at the deadline" if worker else "")
            elif control == "audit logging":
                per[lang] = ("JSON lines to " + policy.audit.log_file if policy.audit.log_file else
                             "events through the 'sandboxes.audit' logger only (set audit.log_file for a file)")
        rows.append({"control": control, "languages": per})
    return rows


# --------------------------------------------------------------------------- running


def _timeout_for(attack: Attack, policy: Policy) -> float | None:
    cap = policy.for_language(attack.lang).limits.timeout_s
    if attack.timeout_s is None:
        return None
    if cap is not None and attack.timeout_s > cap:
        return None
    return attack.timeout_s


def _effective_timeout(attack: Attack, policy: Policy) -> float:
    t = _timeout_for(attack, policy)
    if t is None:
        t = policy.for_language(attack.lang).limits.timeout_s or 60.0
    return t


def _call_bound(attack: Attack, policy: Policy) -> float:
    """How long one call may take before the host counts as wedged: the run's timeout, plus Go's
    compile budget (``go.compile_timeout_s``: a new program is built and compiled before it runs)."""
    extra = getattr(policy.go, "compile_timeout_s", 0.0) if attack.lang == "go" else 0.0
    return _effective_timeout(attack, policy) + extra


def _run_wall(r: Result) -> float:
    """Seconds of the call that the run's timeout bounds (Go's compiling has a budget of its own)."""
    return r.duration_s - sum(float(r.extra.get(k, 0) or 0) for k in ("stdlib_wait_s", "build_s", "compile_s"))


def _call_bounded(fn: Callable[[], Any], bound_s: float) -> tuple[Any, BaseException | None, bool]:
    """Run ``fn`` on a daemon thread; return (value, error, wedged)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - reported by the caller
            box["error"] = e

    t = threading.Thread(target=target, name="audit-run", daemon=True)
    t.start()
    t.join(bound_s)
    if t.is_alive():
        return None, None, True
    return box.get("value"), box.get("error"), False


RETRIES = 3  # a Go module whose compilation outran the timeout keeps compiling into the cache: ask again


def _compile_timeout(r: Any) -> bool:
    """The run timed out while the toolchain or wasmtime compiled it: no verdict about the guest yet."""
    return isinstance(r, Result) and r.extra.get("stop_detail") in ("compile timeout", "go build timeout",
                                                                     "stdlib build")


def _scrub(text: str, can: Canaries) -> str:
    for s in can.secrets:
        text = text.replace(s, "<canary secret>")
    return text


def _output_of(r: Result) -> str:
    return r.stdout + r.stderr + "".join(v.detail for v in r.violations)


def _entry(attack: Attack, *, result: Result | None, failed: list[str], wall_s: float, can: Canaries,
           note: str = "", retries: int = 0) -> dict[str, Any]:
    e: dict[str, Any] = {
        "id": attack.id, "lang": attack.lang, "key": attack.key, "category": attack.category,
        "tries": attack.tries, "source": attack.source, "verdict": attack.verdict,
        "contained": not failed, "failed": failed, "time_s": round(wall_s, 4),
    }
    if result is not None:
        e.update({
            "status": result.status.value,
            "stopped_by": result.extra.get("stopped_by"),
            "stop_detail": result.extra.get("stop_detail"),
            "isolation": list(result.isolation),
            "exit_code": result.exit_code,
            "violations": [str(v) for v in result.violations[:3]],
            "output": _scrub((result.stdout + result.stderr)[:400], can),
        })
    else:
        e.update({"status": None, "stopped_by": None, "stop_detail": None, "isolation": [], "exit_code": None,
                  "violations": [], "output": ""})
    if retries:
        note = (note + "; " if note else "") + f"asked {retries} more time(s) after a compile timeout"
    allowed = set().union(*(c.arg for c in attack.clauses if c.kind == "status_in"))
    if _compile_timeout(result) and "timeout" not in allowed:
        # Nothing of the guest ran, so nothing escaped, but its verdict was never tested: inconclusive.
        e["contained"] = None
        note = (note + "; " if note else "") + "not judged: compilation outran the timeout on this machine"
    if note:
        e["note"] = note
    return e


class _Runner:
    def __init__(self, sandbox: Any, policy: Policy, can: Canaries) -> None:
        self.sb = sandbox
        self.policy = policy
        self.can = can
        self.values = can.values()
        self.hosts = _host_paths()
        self.baseline: dict[str, str] = {}

    def _run(self, lang: str, code: str, timeout: float | None, bound: float) -> tuple[Any, BaseException | None,
                                                                                       bool, int]:
        """One bounded call, asked again while it ends in a compile timeout; returns the retries too."""
        for attempt in range(RETRIES + 1):
            r, err, wedged = _call_bounded(lambda: self.sb.run(lang, code, timeout=timeout), bound)
            if not _compile_timeout(r) or attempt == RETRIES:
                return r, err, wedged, attempt
            time.sleep(0.5 * (attempt + 1))
        raise AssertionError("unreachable")

    def probe(self, lang: str) -> tuple[Result | None, str]:
        r, err, wedged, _ = self._run(lang, load_probe(lang), None, 60.0 + GRACE_S)
        if wedged:
            return None, "the probe did not return"
        if err is not None:
            return None, f"{type(err).__name__}: {err}"
        return r, ""

    def observe(self, attack: Attack, r: Result, *, wall_s: float, tcp: int = 0, udp: int = 0,
                victim: bool = True, followup: bool | None = None) -> list[str]:
        obs = Observation(status=r.status.value, output=_output_of(r), wall_s=wall_s, tcp_delta=tcp, udp_delta=udp,
                          victim_intact=victim, followup_clean=followup, secrets=self.can.secrets,
                          host_paths=self.hosts)
        return judge(attack.clauses, obs)

    def run_one(self, attack: Attack) -> dict[str, Any]:
        wants_followup = any(c.kind == "followup" for c in attack.clauses)
        before: str | None = None  # status and output of the probe just before the attack
        if wants_followup:  # compare with the state just before: a poisoning is pinned on the attack that made it
            p0, _ = self.probe(attack.lang)
            before = f"{p0.status.value}\n{p0.stdout}" if p0 is not None else None
        tcp0, udp0, dir0 = self.can.tcp.count, self.can.udp.count, self.can.dir_state()
        timeout = _timeout_for(attack, self.policy)
        code = attack.render(self.values)
        t0 = time.perf_counter()
        r, err, wedged, retries = self._run(attack.lang, code, timeout, _call_bound(attack, self.policy) + GRACE_S)
        wall = _run_wall(r) if isinstance(r, Result) else time.perf_counter() - t0
        if wedged:
            return _entry(attack, result=None, failed=["the call did not return: the host is wedged"], wall_s=wall,
                          can=self.can)
        if err is not None:
            return _entry(attack, result=None, failed=[f"Sandbox.run raised {type(err).__name__}: {err}"],
                          wall_s=wall, can=self.can)
        time.sleep(0.05)  # let the listener threads count what may still be in flight
        tcp, udp = self.can.tcp.count - tcp0, self.can.udp.count - udp0
        victim = self.can.dir_state() == dir0
        followup: bool | None = None
        if wants_followup:
            p, _ = self.probe(attack.lang)
            followup = p is not None and f"{p.status.value}\n{p.stdout}" == before
        failed = self.observe(attack, r, wall_s=wall, tcp=tcp, udp=udp, victim=victim, followup=followup)
        return _entry(attack, result=r, failed=failed, wall_s=wall, can=self.can, retries=retries)

    def run_batch(self, attacks: list[Attack]) -> list[dict[str, Any]]:
        jobs = [{"lang": a.lang, "code": a.render(self.values), "timeout": _timeout_for(a, self.policy)}
                for a in attacks]
        bound = max(_call_bound(a, self.policy) for a in attacks) * len(attacks) + GRACE_S
        t0 = time.perf_counter()
        results, err, wedged = _call_bounded(lambda: self.sb.run_many(jobs, concurrency=CONCURRENCY), bound)
        wall = time.perf_counter() - t0
        if wedged or err is not None:
            why = "the batch did not return: the host is wedged" if wedged else \
                f"Sandbox.run_many raised {type(err).__name__}: {err}"
            return [_entry(a, result=None, failed=[why], wall_s=wall, can=self.can) for a in attacks]
        out = []
        for a, r in zip(attacks, results):
            retries = 0
            if _compile_timeout(r):  # ask again alone: the module went on compiling into the cache
                again, err, wedged, retries = self._run(a.lang, a.render(self.values), _timeout_for(a, self.policy),
                                                        _call_bound(a, self.policy) + GRACE_S)
                retries += 1
                if wedged or err is not None:
                    out.append(_entry(a, result=None, failed=["the retried call did not return a Result"],
                                      wall_s=0.0, can=self.can))
                    continue
                r = again
            out.append(_entry(a, result=r, failed=self.observe(a, r, wall_s=_run_wall(r)), wall_s=_run_wall(r),
                              can=self.can, retries=retries))
        return out


def run_audit(policy: Policy | str | Path | None = None, *, langs: tuple[str, ...] | list[str] | None = None,
              attacks: list[Attack] | None = None, progress: Progress | None = None,
              only: list[str] | None = None, with_doctor: bool = True) -> dict[str, Any]:
    """Run the corpus (or ``attacks``) against ``policy`` on this machine; return the report as a dict.

    The report's ``summary.breached`` counts attacks that were not contained;
    ``summary.not_run`` counts attacks of a language whose runtime is not
    available here (an incomplete audit, not a breach). ``only`` keeps the
    attacks whose ``lang/id`` or ``id`` matches one of its glob patterns.
    """
    from ..api import Sandbox

    pol = resolve_policy(policy)
    chosen = tuple(langs) if langs else LANGUAGES
    corpus = attacks if attacks is not None else load_corpus(chosen)
    if only:  # glob patterns on "lang/id" or "id"
        corpus = [a for a in corpus if any(fnmatch.fnmatchcase(a.key, p) or fnmatch.fnmatchcase(a.id, p)
                                           for p in only)]
    chosen = tuple(lang for lang in chosen if any(a.lang == lang for a in corpus))
    started = datetime.now(timezone.utc)
    t_start = time.perf_counter()
    entries: list[dict[str, Any]] = []
    unavailable: dict[str, str] = {}
    done = 0
    total = len(corpus)

    def tick(label: str, n: int = 1) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total, label)

    with plant_canaries() as can, Sandbox(pol) as sb:
        runner = _Runner(sb, pol, can)
        for lang in chosen:
            mine = [a for a in corpus if a.lang == lang]
            base, why = runner.probe(lang)
            if base is None or base.status.value != "ok":
                reason = why or f"the probe ended with {base.status.value if base else '?'}: " \
                                f"{_scrub((base.stderr if base else '')[:200], can)}"
                unavailable[lang] = reason
                for a in mine:
                    entries.append(_entry(a, result=None, failed=[], wall_s=0.0, can=can,
                                          note=f"not run: the {lang} runtime is unavailable") | {"contained": None})
                    tick(a.key)
                continue
            runner.baseline[lang] = base.stdout
            shared = [a for a in mine if not a.exclusive]
            for i in range(0, len(shared), BATCH):
                batch = shared[i:i + BATCH]
                entries.extend(runner.run_batch(batch))
                tick(batch[-1].key, len(batch))
            for a in (a for a in mine if a.exclusive):
                entries.append(runner.run_one(a))
                tick(a.key)
        stray_tcp, stray_udp = can.tcp.count, can.udp.count
        order = {a.key: i for i, a in enumerate(corpus)}
        entries.sort(key=lambda e: order[e["key"]])

    global_failures = []
    if stray_tcp or stray_udp:
        global_failures.append(f"the listeners saw {stray_tcp} TCP connections and {stray_udp} UDP datagrams "
                               "during the audit")
    doc: dict[str, Any] = {}
    if with_doctor:
        try:
            from ..isolation import doctor

            doc = doctor()
        except Exception as e:  # noqa: BLE001
            doc = {"error": f"{type(e).__name__}: {e}", "layers": {}}
    breached = sum(1 for e in entries if e["contained"] is False)
    policy_text_sha = pol.sha256 or hashlib.sha256(repr(pol).encode()).hexdigest()
    return {
        "format": "sandboxes-audit/1",
        "started": started.isoformat(timespec="seconds"),
        "duration_s": round(time.perf_counter() - t_start, 3),
        "host": {"platform": platform.platform(), "machine": platform.machine(), "cpus": os.cpu_count()},
        "versions": versions(chosen),
        "policy": {"source": pol.source, "sha256": policy_text_sha,
                   "isolation": {lang: pol.for_language(lang).isolation for lang in chosen}},
        "doctor": doc,
        "checklist": checklist(pol, doc, chosen),
        "canaries": {"file": "a random secret in a fresh temp dir, path passed as {{CANARY_FILE}}",
                     "env": "a random secret in the host environment, name passed as {{CANARY_ENV}}",
                     "tcp_connections": stray_tcp, "udp_datagrams": stray_udp},
        "summary": {
            "attacks": len(entries),
            "contained": sum(1 for e in entries if e["contained"] is True),
            "breached": breached + len(global_failures),
            "not_run": sum(1 for e in entries if e["contained"] is None),
            "unavailable": unavailable,
            "global_failures": global_failures,
            "by_category": _by_category(entries),
        },
        "attacks": entries,
    }


def _by_category(entries: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for e in entries:
        row = out.setdefault(e["category"], {"contained": 0, "breached": 0, "not_run": 0})
        row["contained" if e["contained"] else "breached" if e["contained"] is False else "not_run"] += 1
    return dict(sorted(out.items()))


def exit_status(report: dict[str, Any]) -> int:
    """0: every attack contained; 1: a breach; 3: no breach but some attacks could not run."""
    if report["summary"]["breached"]:
        return 1
    return 3 if report["summary"]["not_run"] else 0


__all__ = ["Canaries", "checklist", "exit_status", "plant_canaries", "run_audit", "versions"]
