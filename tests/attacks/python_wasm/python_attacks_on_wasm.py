"""Run every attack of ``tests/attacks/python/`` against ``python.engine: wasm`` and tabulate the outcomes.

Usage: ``python tests/attacks/python_wasm/python_attacks_on_wasm.py [junit.xml]`` (runs the corpus when
the file does not exist yet; about 3 minutes here), prints the markdown table of
reports/wasm-python-attacks.md.

The corpus's conftest takes ``SANDBOXES_ATTACK_MODES=wasm`` as a further mode (a Sandbox with the wasm
engine in place of an isolation), so each attack runs unchanged with its own assertions; in that mode
every result is also searched for the canary secrets and host paths as soon as it returns, before the
attack's first expectation can fail. A failing attack is not yet a finding: most assert RestrictedPython's
refusals, which the wasm guest legitimately does not make. Each failure is sorted by its first assertion:

* ``leak``: a canary secret or a host path in the output (a real escape);
* ``cap``: more bytes returned than max_output_bytes;
* ``reach``: the program reached a CPython internal that RestrictedPython refuses (frames, tracebacks,
  ``__subclasses__``, ``__globals__``, the builtins module, sys.modules, gadgets): inside wasm these are
  the guest's own objects in the guest's own memory (moot);
* ``size``: a value larger than RestrictedPython's size checks allow was built: the wasm engine has no
  per-operation checks, its bound is linear memory (memory_mb) (moot);
* ``state``: the program changed its own copy of a library class or module: each run starts from the
  snapshot, so the next run cannot see it (moot);
* ``status``: CPython's own outcome (ok, or its exception) where the attack expects a refusal (moot);
* ``text``: an expectation of the RestrictedPython engine's text (its messages, ``main.py`` as the file
  name) or of CPython 3.11's messages, where the guest is CPython 3.15 (moot).
"""

from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
MOOT = ("reach", "size", "state", "status", "text")


def run(xml: Path) -> None:
    env = dict(os.environ, SANDBOXES_ATTACK_MODES="wasm")
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/attacks/python", "-k", "wasm",
                    f"--junitxml={xml}"], cwd=ROOT, env=env, check=False)


def kind(message: str) -> str:
    head = message[:300]
    if "leaked into the output" in head:
        return "leak"
    if "returned under a cap" in head:
        return "cap"
    if re.search(r"stdout: (BUILT|REACHED) \d", message) or "BUILT" in head[:200]:
        return "size"
    if "POISONED" in head or "WROTE" in head or "STATE" in head[:120]:
        return "state"
    if "REACHED" in head[:200]:
        return "reach"
    if ("status" in head[:60] and "not in" in head[:80]) or "assert 'ok' in" in head or "Result(" in head[:40]:
        return "status"
    return "text"


def verdict(kinds: collections.Counter[str]) -> str:
    if not kinds:
        return "contained"
    if "leak" in kinds:
        return "**ESCAPE**"
    if "cap" in kinds:
        return "contained; engine bug (cap)"
    return "contained (moot: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")"


def table(xml: Path) -> str:
    per: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    kinds: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for case in ET.parse(xml).iter("testcase"):
        f = case.get("classname", "").rsplit(".", 1)[-1]
        bad = [c for c in case if c.tag in ("failure", "error")]
        if bad:
            per[f][1] += 1
            kinds[f][kind(((bad[0].get("message") or "") + " " + (bad[0].text or "")[:3000]).replace("\n", " "))] += 1
        else:
            per[f][0] += 1
    lines = ["| attack file | passed | failed | verdict |", "| --- | --- | --- | --- |"]
    for f in sorted(per):
        lines.append(f"| {f} | {per[f][0]} | {per[f][1]} | {verdict(kinds[f])} |")
    tot = collections.Counter[str]()
    for c in kinds.values():
        tot.update(c)
    passed, failed = sum(p for p, _ in per.values()), sum(n for _, n in per.values())
    lines.append(f"| **{len(per)} files** | **{passed}** | **{failed}** | "
                 + ", ".join(f"{k} {n}" for k, n in sorted(tot.items())) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp") / f"wasm-attacks-{os.getuid()}.xml"
    if not path.exists():
        run(path)
    print(table(path))
