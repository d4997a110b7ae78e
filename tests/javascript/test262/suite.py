"""The test262 subset for the JavaScript prelude: where it is, which files, how each is run.

test262 (the ECMAScript conformance suite, github.com/tc39/test262) is not in the repository:
it is read from a checkout given by ``TEST262_DIR``, or from ``corpora/test262`` of the shared
folder beside the repository (as CI has it). See README.md beside this file.

Each selected test is assembled as test262's INTERPRETING.md says (strict prefix, harness
``assert.js`` and ``sta.js``, the test's own ``includes``, then the test) and run twice: in the
sandbox under the default policy, and in a bare ``py_mini_racer.MiniRacer()`` of the same V8
without the prelude (``native.py``, in a child process, alongside the sandbox runs). A test that
passes natively must pass in the sandbox; one that fails natively is an expected failure.

Nothing is hand-picked: a test is skipped only by the rules in ``skip_reason`` (metadata flags,
features the default policy denies, host hooks no script can provide, features the probe finds
missing in the bare V8), each with its reason.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

# What the subset is: every test under these folders of test/built-ins/, the built-ins the
# prelude wraps, replaces or builds on (sandboxes/javascript/prelude.js), plus the prop-desc.js
# test of every global (the prelude rewrites the global object from an allowlist).
DIRECTORIES = (
    "ArrayBuffer",                 # constructor proxied (budget), slice/transfer/resize wrapped
    "TypedArray",                  # slice/map/filter/toReversed/toSorted/with wrapped; from/of use the proxies
    "TypedArrayConstructors",      # all eleven constructors proxied
    "Uint8Array",                  # fromBase64/fromHex/setFrom*/toBase64/toHex allocate through the proxy
    "DataView",                    # built on the proxied ArrayBuffer
    "Array/prototype/fill",        # wrapped (range refused over the budget)
    "Array/prototype/copyWithin",  # wrapped likewise
    "Function/prototype/toString", # what a wrapper's toString() shows
    "FinalizationRegistry",        # constructor proxied (callback wrapped)
    "global",                      # the global object after the allowlist
    "SharedArrayBuffer",           # wrapped when the policy allows shared memory (denied by default)
    "Atomics",                     # removed unless the policy allows shared memory
)
GLOBAL_PROP_DESC = "prop-desc.js"

# Features whose presence in this V8 is probed (in the bare V8, before any test runs); a test
# needing one that is absent is skipped. A feature not listed here is taken as present: if it is
# not, the test fails natively and is an expected failure all the same.
FEATURE_PROBES = {
    "Float16Array": "typeof Float16Array === 'function'",
    "uint8array-base64": "typeof Uint8Array.fromBase64 === 'function'",
    "immutable-arraybuffer": "typeof ArrayBuffer.prototype.transferToImmutable === 'function'",
    "resizable-arraybuffer": "typeof ArrayBuffer.prototype.resize === 'function'",
    "arraybuffer-transfer": "typeof ArrayBuffer.prototype.transfer === 'function'",
    "change-array-by-copy": "typeof Array.prototype.toSorted === 'function'",
    "array-find-from-last": "typeof Array.prototype.findLast === 'function'",
    "explicit-resource-management": "typeof DisposableStack === 'function'",
    "iterator-helpers": "typeof Iterator === 'function' && typeof Iterator.prototype.map === 'function'",
    "iterator-sequencing": "typeof Iterator === 'function' && typeof Iterator.concat === 'function'",
    "joint-iteration": "typeof Iterator === 'function' && typeof Iterator.zip === 'function'",
    "symbols-as-weakmap-keys": "(() => { try { new WeakSet().add(Symbol()); } catch { return false; } return 1; })()",
    "Temporal": "typeof Temporal === 'object'",
    "upsert": "typeof Map.prototype.getOrInsert === 'function'",
    "Math.sumPrecise": "typeof Math.sumPrecise === 'function'",
    "Error.isError": "typeof Error.isError === 'function'",
    "Atomics.pause": "typeof Atomics === 'object' && typeof Atomics.pause === 'function'",
    "Atomics.waitAsync": "typeof Atomics === 'object' && typeof Atomics.waitAsync === 'function'",
    "ShadowRealm": "typeof ShadowRealm === 'function'",
}

# Host hooks of $262 (INTERPRETING.md) that no script can provide: a second realm, an agent
# (a thread with shared memory), evaluating a script as a new Script record, collecting garbage,
# the [[IsHTMLDDA]] object. Tests using them are skipped; detachArrayBuffer and global are given.
UNAVAILABLE_HOOKS = ("createRealm", "agent", "evalScript", "gc", "IsHTMLDDA", "AbstractModuleSource")

# $262 as INTERPRETING.md defines it, the parts a script can give: `global`, and
# `detachArrayBuffer` through ArrayBuffer.prototype.transfer (ES2024: it detaches its receiver),
# captured before the test runs so a test that replaces the method does not change the hook.
# Detaching a detached buffer is no error (DetachArrayBuffer), so such a buffer is left alone.
HOST_SHIM = """var $262 = (function () {
  var apply = Reflect.apply;
  var transfer = ArrayBuffer.prototype.transfer;
  var detached = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "detached").get;
  return {
    global: globalThis,
    detachArrayBuffer: function detachArrayBuffer(buffer) {
      if (!apply(detached, buffer, [])) apply(transfer, buffer, []);
      return null;
    }
  };
})();
"""
ASYNC_DONE = "Test262:AsyncTestComplete"
BATCH = 200  # sandbox runs handed to run_many at a time (sources are assembled per batch)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 3.7k files in under a second
FRONTMATTER = re.compile(r"/\*---(.*?)---\*/", re.S)


def test262_dir() -> Path | None:
    """The test262 checkout to read, or None when there is none."""
    env = os.environ.get("TEST262_DIR")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "corpora" / "test262")
    for c in candidates:
        if (c / "harness" / "assert.js").is_file() and (c / "test" / "built-ins").is_dir():
            return c
    return None


@dataclasses.dataclass(frozen=True)
class Case:
    """One test file in one mode ("strict", "non-strict" or "raw")."""

    path: str              # relative to test/, e.g. built-ins/Array/prototype/fill/length.js
    mode: str
    meta: dict[str, Any]
    static_skip: str | None  # a reason from the metadata alone, or None

    @property
    def id(self) -> str:
        return f"{self.path}[{self.mode}]"

    @property
    def features(self) -> list[str]:
        return list(self.meta.get("features") or [])

    @property
    def negative(self) -> dict[str, str] | None:
        return self.meta.get("negative")


def selected_files(root: Path) -> list[Path]:
    """Every file of the subset, sorted (fixtures, which are only imported by other tests, left out)."""
    base = root / "test" / "built-ins"
    files: set[Path] = set()
    for d in DIRECTORIES:
        files.update(p for p in (base / d).rglob("*.js") if not p.name.endswith("_FIXTURE.js"))
    files.update(p for p in base.glob(f"*/{GLOBAL_PROP_DESC}"))
    return sorted(files)


def read(path: Path) -> str:
    """A file's text exactly (no newline translation: some tests are about CR and CR LF)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def parse_meta(source: str) -> dict[str, Any]:
    m = FRONTMATTER.search(source)
    if m is None:
        raise ValueError("no test262 frontmatter")
    meta = yaml.load(m.group(1), Loader=_LOADER)  # noqa: S506  (a safe loader, C or Python)
    return meta if isinstance(meta, dict) else {}


def static_skip_reason(meta: dict[str, Any], source: str, *, policy: Any) -> str | None:
    """Why a test cannot run here, from its metadata and text alone (None: it runs)."""
    flags = set(meta.get("flags") or [])
    features = set(meta.get("features") or [])
    if "module" in flags:
        return "flags: module (the sandbox runs classic scripts only)"
    if "async" in flags:
        return "flags: async (needs the $DONE/print protocol and an event loop in the bare V8 reference)"
    if flags & {"CanBlockIsTrue", "CanBlockIsFalse"}:
        return "flags: CanBlockIs* (a host property of agents; Atomics.wait)"
    if (meta.get("negative") or {}).get("phase") == "resolution":
        return "negative phase resolution (modules)"
    if not policy.allow_shared_memory and any(f.split(".")[0] in ("SharedArrayBuffer", "Atomics") for f in features):
        return "features: SharedArrayBuffer/Atomics, denied by the policy (javascript.allow_shared_memory: false)"
    if not policy.allow_wasm and "WebAssembly" in features:
        return "features: WebAssembly, denied by the policy (javascript.allow_wasm: false)"
    if "cross-realm" in features:
        return "features: cross-realm (needs $262.createRealm)"
    for hook in UNAVAILABLE_HOOKS:
        if f"$262.{hook}" in source:
            return f"uses $262.{hook}, which no script can provide"
    return None


def load_case(root: Path, path: str, mode: str) -> Case:
    """One case again from its file (the bare-V8 child assembles its own sources)."""
    return Case(path, mode, parse_meta(read(root / "test" / path)), None)


def cases(root: Path, policy: Any) -> list[Case]:
    """Every (file, mode) of the subset, with its static skip reason."""
    out: list[Case] = []
    for p in selected_files(root):
        source = read(p)
        meta = parse_meta(source)
        rel = p.relative_to(root / "test").as_posix()
        flags = set(meta.get("flags") or [])
        reason = static_skip_reason(meta, source, policy=policy)
        if "raw" in flags:
            modes = ["raw"]
        elif "onlyStrict" in flags:
            modes = ["strict"]
        elif "noStrict" in flags:
            modes = ["non-strict"]
        else:
            modes = ["non-strict", "strict"]
        out.extend(Case(rel, m, meta, reason) for m in modes)
    return out


def assemble(root: Path, case: Case, cache: dict[str, str] | None = None) -> str:
    """The script test262 specifies for this case: strict prefix, $262, harness, includes, test."""
    cache = {} if cache is None else cache

    def harness(name: str) -> str:
        if name not in cache:
            cache[name] = read(root / "harness" / name)
        return cache[name]

    test = read(root / "test" / case.path)
    if case.mode == "raw":
        return test
    parts = ['"use strict";\n'] if case.mode == "strict" else []
    parts.append(HOST_SHIM)
    includes = ["assert.js", "sta.js"]
    if "async" in (case.meta.get("flags") or []):
        includes.append("doneprintHandle.js")
    includes.extend(i for i in (case.meta.get("includes") or []) if i not in includes)
    parts.extend(harness(i) + "\n" for i in includes)
    parts.append(test)
    return "".join(parts)


# ------------------------------------------------------------------ outcomes

@dataclasses.dataclass(frozen=True)
class Outcome:
    passed: bool
    detail: str  # why it failed (first line of the error), or "" when it passed


def judge_sandbox(case: Case, result: Any) -> Outcome:
    """A sandbox Result judged as test262 says (negative tests must fail with their error type)."""
    status = str(result.status.value if hasattr(result.status, "value") else result.status)
    text = (result.stderr or "").strip()
    neg = case.negative
    if neg:
        want_status = "compile_error" if neg.get("phase") == "parse" else "error"
        ok = status == want_status and re.search(rf"\b{re.escape(neg['type'])}\b", text) is not None
        return Outcome(ok, "" if ok else f"expected {neg['phase']} {neg['type']}, got {status}: {_first(text)}")
    if status != "ok":
        return Outcome(False, f"{status}: {_error_line(text)}")
    if "async" in (case.meta.get("flags") or []) and ASYNC_DONE not in result.stdout:
        return Outcome(False, f"async test did not print {ASYNC_DONE}: {_first(result.stdout)}")
    return Outcome(True, "")


def _first(text: str) -> str:
    return text.strip().split("\n", 1)[0][:300] if text.strip() else ""


def _error_line(text: str) -> str:
    """The line of a V8 report that names the error (``Uncaught X: ...``), else its first line."""
    for line in text.split("\n"):
        if line.startswith(("Uncaught ", "SyntaxError", "RangeError", "TypeError")):
            return line[:300]
    return _first(text)


# ------------------------------------------------------------------ running

def run_native(root: Path | None, jobs: list[Case], *, timeout_s: float = 10.0) -> subprocess.Popen[str]:
    """Start the bare-V8 reference on these cases in a child process (see native.py)."""
    payload = json.dumps({"root": str(root), "probes": FEATURE_PROBES, "timeout_s": timeout_s,
                          "jobs": [{"path": c.path, "mode": c.mode} for c in jobs]})
    proc = subprocess.Popen([sys.executable, str(HERE / "native.py")], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, encoding="utf-8")
    assert proc.stdin is not None
    proc.stdin.write(payload)
    proc.stdin.close()
    return proc


def collect_native(proc: subprocess.Popen[str], n: int, restart: Any) -> tuple[dict[str, bool], list[Outcome]]:
    """Read the child's answers (one JSON line each); a child that died is restarted after its last answer."""
    probes: dict[str, bool] = {}
    outcomes: list[Outcome | None] = [None] * n
    start = 0
    while True:
        assert proc.stdout is not None
        for line in proc.stdout:
            rec = json.loads(line)
            if "probes" in rec:
                probes = rec["probes"]
            else:
                outcomes[start + rec["i"]] = Outcome(rec["passed"], rec["detail"])
        proc.wait()
        missing = [i for i, o in enumerate(outcomes) if o is None]
        if not missing:
            return probes, [o for o in outcomes if o is not None]
        # The job after the last answer killed the process (a V8 fatal error): record it, go on.
        dead = missing[0]
        outcomes[dead] = Outcome(False, f"bare V8 process died (exit {proc.returncode})")
        start = dead + 1
        if start >= n:
            return probes, [o for o in outcomes if o is not None]
        proc = restart(start)


def probe_features() -> list[str]:
    """The probed features this V8 lacks (asked of the bare V8, in a child process)."""
    probes, _ = collect_native(run_native(None, []), 0, None)
    return sorted(f for f, present in probes.items() if not present)


def skip_reason(case: Case, missing_features: list[str]) -> str | None:
    """Why a case does not run: a static reason, or a feature the probe found missing in this V8."""
    if case.static_skip is not None:
        return case.static_skip
    gone = [f for f in case.features if f in missing_features]
    if gone:
        return f"features: {', '.join(gone)} missing in this V8 (probe: {FEATURE_PROBES[gone[0]]})"
    return None


def run_all(root: Path, all_cases: list[Case], sandbox: Any) -> dict[str, Any]:
    """Run every non-skipped case in the sandbox and the bare V8 at once; the outcomes by case id."""
    missing = probe_features()
    cache: dict[str, str] = {}
    runnable = [c for c in all_cases if skip_reason(c, missing) is None]
    t0 = time.perf_counter()
    proc = run_native(root, runnable)
    results: list[Any] = []
    retried = 0
    for k in range(0, len(runnable), BATCH):
        sources = [assemble(root, c, cache) for c in runnable[k:k + BATCH]]
        batch = sandbox.run_many([("javascript", s) for s in sources], concurrency=2)
        # A timeout under load (the default policy gives each run 2 s) is tried once more, alone.
        for i, r in enumerate(batch):
            if str(r.status.value) == "timeout":
                retried += 1
                batch[i] = sandbox.run("javascript", sources[i])
        results.extend(batch)
    t_sandbox = time.perf_counter() - t0
    _, native = collect_native(proc, len(runnable), lambda start: run_native(root, runnable[start:]))
    t_total = time.perf_counter() - t0
    out: dict[str, Any] = {"missing_features": missing, "seconds_sandbox": t_sandbox, "seconds_total": t_total,
                           "timeouts_retried": retried, "cases": {}}
    for c, r, n in zip(runnable, results, native, strict=True):
        out["cases"][c.id] = {"sandbox": judge_sandbox(c, r), "native": n, "status": str(r.status.value),
                              "seconds": r.duration_s}
    return out
