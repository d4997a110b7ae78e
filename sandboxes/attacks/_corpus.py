"""The attack corpus: one runnable program per technique, its metadata in its header.

Each file under ``corpus/<lang>/`` starts with comment lines ``key: value``
(``#`` for Python, ``//`` for JavaScript and Go)::

    # attack: fs-read-etc-passwd
    # category: filesystem
    # tries: read /etc/passwd with open()
    # source: MITRE ATT&CK T1552.001 (Unsecured Credentials: Credentials In Files)
    # verdict: status in {violation, error} and output lacks "root:x:0:0"
    # timeout_s: 2

The header ends at the first line that is not such a comment. The body is
the whole file (the header is a comment in every language). Files whose name
starts with ``_`` are not attacks (``_probe.*`` is the follow-up probe of a
language). Placeholders ``{{NAME}}`` are filled by the audit with the
canaries it planted (see ``PLACEHOLDERS``).

The verdict rule is a small language parsed here (never ``eval``-ed): clauses
joined by `` and ``; see ``Clause`` and ``parse_verdict``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

LANGUAGES = ("python", "javascript", "go")
EXTENSIONS = {"python": ".py", "javascript": ".js", "go": ".go"}
COMMENT = {"python": "#", "javascript": "//", "go": "//"}

CATEGORIES = (
    "filesystem",
    "network",
    "process",
    "privilege-escalation",
    "container-escape",
    "resource-exhaustion",
    "interpreter-escape",
    "cross-run-poisoning",
    "information-disclosure",
)

# What the audit substitutes into an attack before running it.
PLACEHOLDERS = {
    "CANARY_FILE": "absolute path of a file holding a secret (in a fresh temp dir)",
    "CANARY_DIR": "the temp dir holding the canary and the victim file",
    "CANARY_REL": "the canary file as a relative path climbing from the working directory (../../..)",
    "CANARY_LINK": "a symlink in the temp dir that points to the canary file",
    "CANARY_ENV": "name of an environment variable set in the host process to a secret",
    "VICTIM_FILE": "absolute path of a file the attack tries to delete or overwrite",
    "TCP_PORT": "port of a TCP listener on 127.0.0.1 counting connections",
    "UDP_PORT": "port of a UDP socket on 127.0.0.1 counting datagrams",
}

_HEADER_KEYS = ("attack", "category", "tries", "source", "verdict", "timeout_s", "exclusive")
_REQUIRED = ("attack", "category", "tries", "source", "verdict")
_PLACEHOLDER_RE = re.compile(r"\{\{([A-Z_]+)\}\}")


class CorpusError(ValueError):
    """A corpus file is malformed (missing key, unknown category, bad verdict)."""


# --------------------------------------------------------------------------- verdicts

STATUSES = ("ok", "error", "timeout", "memory_limit", "output_limit", "violation", "compile_error")


@dataclass(frozen=True)
class Clause:
    """One condition of a verdict rule. ``kind`` and ``arg`` say which:

    ``status_in`` (frozenset of statuses)   ``status in {violation, error}``, ``status == timeout``
    ``lacks`` (text)                        ``output lacks "root:x:0:0"``
    ``canary``                              ``canary not in output`` (file and env secret; always implied)
    ``tcp`` / ``udp``                       ``listener saw 0 connections`` / ``udp listener saw 0 datagrams``
    ``victim``                              ``victim file still exists`` (same content, no new file beside it)
    ``followup``                            ``a follow-up run is clean`` (the language probe prints what it printed first)
    ``within`` (seconds)                    ``returns within 5 s`` (wall time of the call)
    """

    kind: str
    arg: Any = None
    text: str = ""


_CLAUSE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"status in \{([a-z_, ]+)\}"), "status_in"),
    (re.compile(r"status == ([a-z_]+)"), "status_eq"),
    (re.compile(r'output lacks "([^"]+)"'), "lacks"),
    (re.compile(r"canary not in output"), "canary"),
    (re.compile(r"(?:tcp )?listener saw 0 connections"), "tcp"),
    (re.compile(r"udp listener saw 0 datagrams"), "udp"),
    (re.compile(r"victim file still exists"), "victim"),
    (re.compile(r"a follow-up run is clean"), "followup"),
    (re.compile(r"returns within (\d+(?:\.\d+)?) s"), "within"),
)


def parse_verdict(rule: str) -> tuple[Clause, ...]:
    """Parse ``rule`` into clauses; raise ``CorpusError`` on anything unknown."""
    clauses: list[Clause] = []
    for raw in re.split(r"\s+and\s+", rule.strip()):
        part = raw.strip()
        for pattern, kind in _CLAUSE_PATTERNS:
            m = pattern.fullmatch(part)
            if m is None:
                continue
            if kind in ("status_in", "status_eq"):
                names = frozenset(s.strip() for s in m.group(1).split(",") if s.strip())
                unknown = sorted(names - set(STATUSES))
                if unknown or not names:
                    raise CorpusError(f"unknown status {unknown} in {part!r}")
                clauses.append(Clause("status_in", names, part))
            elif kind == "lacks":
                clauses.append(Clause("lacks", m.group(1), part))
            elif kind == "within":
                clauses.append(Clause("within", float(m.group(1)), part))
            else:
                clauses.append(Clause(kind, None, part))
            break
        else:
            raise CorpusError(f"unknown verdict clause {part!r}")
    if not any(c.kind == "status_in" for c in clauses):
        raise CorpusError(f"a verdict needs a status clause: {rule!r}")
    return tuple(clauses)


@dataclass
class Observation:
    """What the audit saw of one run, beyond the Result: what the verdict clauses judge."""

    status: str
    output: str  # stdout + stderr + violation details
    wall_s: float
    tcp_delta: int = 0
    udp_delta: int = 0
    victim_intact: bool = True
    followup_clean: bool | None = None  # None: no follow-up run was made
    secrets: tuple[str, ...] = ()
    host_paths: tuple[str, ...] = ()


def judge(clauses: tuple[Clause, ...], obs: Observation) -> list[str]:
    """Return the failed conditions (empty: contained). Secrets and host paths are always checked."""
    failed: list[str] = []
    for c in clauses:
        if c.kind == "status_in" and obs.status not in c.arg:
            failed.append(f"{c.text} (got {obs.status})")
        elif c.kind == "lacks" and c.arg in obs.output:
            failed.append(f"{c.text} (it is there)")
        elif c.kind == "tcp" and obs.tcp_delta:
            failed.append(f"{c.text} (saw {obs.tcp_delta})")
        elif c.kind == "udp" and obs.udp_delta:
            failed.append(f"{c.text} (saw {obs.udp_delta})")
        elif c.kind == "victim" and not obs.victim_intact:
            failed.append(f"{c.text} (it was changed, removed or a file appeared beside it)")
        elif c.kind == "followup" and obs.followup_clean is not True:
            failed.append(f"{c.text} (the probe printed something else)" if obs.followup_clean is False
                          else f"{c.text} (no follow-up run was made)")
        elif c.kind == "within" and obs.wall_s > c.arg:
            failed.append(f"{c.text} (took {obs.wall_s:.2f} s)")
    for s in obs.secrets:
        if s and s in obs.output:
            failed.append("canary not in output (a planted secret is in the output)")
            break
    for p in obs.host_paths:
        if p and p in obs.output:
            failed.append(f"no host path in output ({p!r} is in the output)")
            break
    return failed


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Attack:
    """One technique in one language."""

    id: str
    lang: str
    category: str
    tries: str
    source: str
    verdict: str
    clauses: tuple[Clause, ...]
    code: str
    timeout_s: float | None = None  # None: the policy's timeout
    exclusive: bool = False  # run alone (listeners, victim file, follow-up probe need exact attribution)
    path: str = ""
    placeholders: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str:
        return f"{self.lang}/{self.id}"

    def render(self, values: dict[str, str]) -> str:
        """The program with every ``{{NAME}}`` replaced by the planted value."""
        return _PLACEHOLDER_RE.sub(lambda m: values[m.group(1)], self.code)


def parse_attack(text: str, lang: str, path: str = "<string>") -> Attack:
    """Parse one corpus file; raise ``CorpusError`` naming the file on any problem."""
    prefix = COMMENT[lang]
    meta: dict[str, str] = {}
    for line in text.splitlines():
        s = line.strip()
        if not s.startswith(prefix):
            break
        body = s[len(prefix):].strip()
        m = re.match(r"([a-z_]+):\s*(.*)$", body)
        if m is None or m.group(1) not in _HEADER_KEYS:
            if meta:  # a free comment after the header ends it
                break
            continue
        key, value = m.group(1), m.group(2).strip()
        if key in meta:  # a continuation of a long value is written as the same key again
            meta[key] += " " + value
        else:
            meta[key] = value
    missing = [k for k in _REQUIRED if not meta.get(k)]
    if missing:
        raise CorpusError(f"{path}: missing header keys: {', '.join(missing)}")
    if meta["category"] not in CATEGORIES:
        raise CorpusError(f"{path}: unknown category {meta['category']!r} (one of {', '.join(CATEGORIES)})")
    try:
        clauses = parse_verdict(meta["verdict"])
    except CorpusError as e:
        raise CorpusError(f"{path}: verdict: {e}") from None
    names = tuple(sorted(set(_PLACEHOLDER_RE.findall(text))))
    unknown = [n for n in names if n not in PLACEHOLDERS]
    if unknown:
        raise CorpusError(f"{path}: unknown placeholders {unknown}")
    timeout = float(meta["timeout_s"]) if meta.get("timeout_s") else None
    if timeout is not None and not timeout > 0:
        raise CorpusError(f"{path}: timeout_s must be positive")
    needs_alone = any(c.kind in ("tcp", "udp", "victim", "followup") for c in clauses)
    exclusive = meta.get("exclusive", "").lower() in ("yes", "true") or needs_alone
    return Attack(id=meta["attack"], lang=lang, category=meta["category"], tries=meta["tries"],
                  source=meta["source"], verdict=meta["verdict"], clauses=clauses, code=text,
                  timeout_s=timeout, exclusive=exclusive, path=path, placeholders=names)


def _lang_dir(lang: str) -> Any:
    return resources.files(__package__).joinpath("corpus", lang)


def load_corpus(langs: tuple[str, ...] | list[str] | None = None) -> list[Attack]:
    """Every shipped attack of ``langs`` (default: all), sorted by language then file name."""
    attacks: list[Attack] = []
    seen: set[str] = set()
    for lang in langs or LANGUAGES:
        if lang not in LANGUAGES:
            raise CorpusError(f"unknown language {lang!r}")
        d = _lang_dir(lang)
        for entry in sorted(d.iterdir(), key=lambda e: e.name):
            if entry.name.startswith("_") or not entry.name.endswith(EXTENSIONS[lang]):
                continue
            a = parse_attack(entry.read_text("utf-8"), lang, f"{lang}/{entry.name}")
            if a.key in seen:
                raise CorpusError(f"{a.path}: duplicate attack id {a.id!r}")
            seen.add(a.key)
            attacks.append(a)
    return attacks


def load_probe(lang: str) -> str:
    """The follow-up probe of ``lang``: a program printing the shared state an attack could poison."""
    return str(_lang_dir(lang).joinpath(f"_probe{EXTENSIONS[lang]}").read_text("utf-8"))
