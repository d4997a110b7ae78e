"""test262 subset: pass counts in the sandbox (default policy), in a bare V8 and in node, and the time.

Run: TEST262_DIR=/path/to/test262 .venv/bin/python bench/test262.py [--no-node] [--limit N] [--shared-memory]
Prints the counts, every case that passes in the bare V8 but not in the sandbox, and writes
bench/results/test262.json. ``--shared-memory`` runs under the default policy with
``javascript.allow_shared_memory: true`` instead (the prelude's SharedArrayBuffer wrapper and
Atomics, which the default removes), and writes test262-shared-memory.json. The cases, the skips
and the judging are those of tests/javascript/test262/ (suite.py); node (v20 here, an older V8)
is a third, weaker reference: cases where node passes and both V8 runs fail are listed apart.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sandboxes import Sandbox, default_policy  # noqa: E402
from tests.javascript.test262 import suite  # noqa: E402

OUT = Path(__file__).resolve().parent / "results" / "test262.json"
NODE = shutil.which("node") or "/usr/bin/node"

# Each line on stdin: a JSON string, the assembled source; each line out: {"passed", "detail"}.
# A fresh vm context per case (its own realm); $262.detachArrayBuffer from the outer realm's
# structuredClone (node 20 has no ArrayBuffer.prototype.transfer).
NODE_RUNNER = r"""
const vm = require('vm');
const rl = require('readline').createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  const src = JSON.parse(line);
  const ctx = vm.createContext({});
  ctx.__detach = (b) => { structuredClone(b, { transfer: [b] }); };
  let out;
  try {
    vm.runInContext(src, ctx, { timeout: 10000 });
    out = { passed: true, detail: '' };
  } catch (e) {
    let d;
    try { d = String(e && e.stack ? e.stack.split('\n')[0] : e); } catch { d = 'unprintable'; }
    out = { passed: false, detail: d.slice(0, 300) };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
});
"""
NODE_SHIM = "var $262 = { global: globalThis, detachArrayBuffer: __detach };\n"


def run_node(root: Path, cases: list[suite.Case]) -> list[suite.Outcome]:
    """The same sources in node, one vm context each (negative cases judged only as failed/passed)."""
    proc = subprocess.Popen([NODE, "-e", NODE_RUNNER], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def feed() -> None:
        cache: dict[str, str] = {}
        assert proc.stdin is not None
        for c in cases:
            src = suite.assemble(root, c, cache).replace(suite.HOST_SHIM, NODE_SHIM, 1)
            proc.stdin.write(json.dumps(src) + "\n")
        proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    assert proc.stdout is not None
    got = [json.loads(line) for line in proc.stdout]
    writer.join()
    proc.wait()
    out = []
    for c, g in zip(cases, got, strict=False):  # fewer answers if node died; the rest are failures
        passed = g["passed"] if not c.negative else (not g["passed"] and c.negative["type"] in g["detail"])
        out.append(suite.Outcome(passed, g["detail"]))
    out.extend(suite.Outcome(False, "node died") for _ in range(len(cases) - len(got)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--no-node", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="run only the first N cases (a quick look)")
    ap.add_argument("--shared-memory", action="store_true", help="allow SharedArrayBuffer and Atomics")
    args = ap.parse_args()
    policy = default_policy()
    out_path = OUT
    if args.shared_memory:
        js = dataclasses.replace(policy.javascript, allow_shared_memory=True)
        policy = dataclasses.replace(policy, javascript=js)
        out_path = OUT.with_name("test262-shared-memory.json")
    root = suite.test262_dir()
    if root is None:
        sys.exit("no test262 checkout: set TEST262_DIR (see tests/javascript/test262/README.md)")
    t0 = time.perf_counter()
    cases = suite.cases(root, policy.javascript)[: args.limit]
    t_collect = time.perf_counter() - t0
    with Sandbox(policy) as sb:
        res = suite.run_all(root, cases, sb)
    ran = [c for c in cases if c.id in res["cases"]]
    skipped = collections.Counter(suite.skip_reason(c, res["missing_features"])
                                  for c in cases if c.id not in res["cases"])
    node: dict[str, suite.Outcome] = {}
    t_node = 0.0
    if not args.no_node and Path(NODE).exists():
        t1 = time.perf_counter()
        node = dict(zip((c.id for c in ran), run_node(root, ran), strict=True))
        t_node = time.perf_counter() - t1
    rows = res["cases"]
    sandbox_pass = sum(rows[c.id]["sandbox"].passed for c in ran)
    native_pass = sum(rows[c.id]["native"].passed for c in ran)
    regressions = [c.id for c in ran if rows[c.id]["native"].passed and not rows[c.id]["sandbox"].passed]
    only_sandbox = [c.id for c in ran if rows[c.id]["sandbox"].passed and not rows[c.id]["native"].passed]
    node_only = [c.id for c in ran if node and node[c.id].passed and not rows[c.id]["sandbox"].passed
                 and not rows[c.id]["native"].passed]
    print(f"test262 at {root}: {len(cases)} cases ({len({c.path for c in cases})} files), "
          f"{len(ran)} run, {len(cases) - len(ran)} skipped")
    which = "default policy + allow_shared_memory" if args.shared_memory else "default policy"
    print(f"sandbox ({which}, {policy.javascript.isolation}): {sandbox_pass} passed, {len(ran) - sandbox_pass} failed")
    print(f"bare V8 (MiniRacer, no prelude):  {native_pass} passed, {len(ran) - native_pass} failed")
    if node:
        node_pass = sum(o.passed for o in node.values())
        version = subprocess.run([NODE, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"node {version} (vm contexts): {node_pass} passed, {len(ran) - node_pass} failed")
    print(f"time: collect {t_collect:.1f} s, sandbox {res['seconds_sandbox']:.1f} s, sandbox+bare V8 "
          f"{res['seconds_total']:.1f} s, node {t_node:.1f} s; sandbox timeouts retried: {res['timeouts_retried']}")
    print(f"missing in this V8 (probed): {', '.join(res['missing_features'])}")
    slowest = sorted(ran, key=lambda c: rows[c.id]["seconds"], reverse=True)[:5]
    print("slowest in the sandbox (the default policy allows 2 s): "
          + ", ".join(f"{c.id} {rows[c.id]['seconds']:.2f} s" for c in slowest))
    print("\nskips:")
    for reason, n in skipped.most_common():
        print(f"  {n:5d}  {reason}")
    print(f"\npass in bare V8, fail in the sandbox ({len(regressions)}):")
    for cid in regressions:
        print(f"  {cid}: {rows[cid]['sandbox'].detail}")
    print(f"\npass in the sandbox, fail in bare V8 ({len(only_sandbox)}):")
    for cid in only_sandbox:
        print(f"  {cid}: {rows[cid]['native'].detail}")
    if node:
        print(f"\nfail in both V8s, pass in node ({len(node_only)}):")
        for cid in node_only:
            print(f"  {cid}: {rows[cid]['native'].detail}")
    out_path.parent.mkdir(exist_ok=True)
    out_path.write_text(json.dumps({
        "policy": which,
        "test262_commit": os.environ.get("TEST262_COMMIT"), "cases": len(cases), "ran": len(ran),
        "sandbox_passed": sandbox_pass, "native_passed": native_pass,
        "node_passed": sum(o.passed for o in node.values()) if node else None,
        "seconds": {"collect": t_collect, "sandbox": res["seconds_sandbox"], "total": res["seconds_total"],
                    "node": t_node},
        "skipped": dict(skipped), "missing_features": res["missing_features"],
        "slowest_sandbox_s": {c.id: rows[c.id]["seconds"] for c in slowest},
        "sandbox_failures": {cid: rows[cid]["sandbox"].detail for cid in regressions},
        "native_failures": {c.id: rows[c.id]["native"].detail for c in ran if not rows[c.id]["native"].passed},
    }, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
