"""Soak: many mixed runs through one Sandbox; resources must stay flat.

    .venv/bin/python bench/soak.py --runs 10000 [--concurrency 2] [--json out.json]

Cycles through three languages and four outcomes (ok, error, timeout with a
0.05-0.2 s deadline, violation), with ``run_many`` batches. Reports the
throughput and the process's RSS, open file descriptors and child processes
at the start (after a warm-up), the middle and the end, and exits non-zero if
any run returned an unexpected status or a resource grew past its bound.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sandboxes import Sandbox  # noqa: E402

GO_OK = 'package main\n\nimport "fmt"\n\nfunc main() {\n\ts := 0\n\tfor i := 0; i < 1000; i++ {\n\t\ts += i\n\t}\n\tfmt.Println(s)\n}\n'
GO_ERR = 'package main\n\nfunc main() {\n\tvar m map[string]int\n\tm["x"] = 1\n}\n'
GO_LOOP = 'package main\n\nfunc main() {\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}\n'
GO_BAD = 'package main\n\nimport "os/exec"\n\nfunc main() { exec.Command("id").Run() }\n'

# (lang, code, timeout, expected statuses)
MIX = [
    ("python", "print(sum(range(1000)))", None, {"ok"}),
    ("python", "raise ValueError('boom')", None, {"error"}),
    ("python", "while True:\n    pass", 0.1, {"timeout"}),
    ("python", "import os\nprint(os.environ)", None, {"violation"}),
    ("javascript", "console.log([1,2,3].map(x => x * 2).join(','))", None, {"ok"}),
    ("javascript", "throw new Error('boom')", None, {"error"}),
    ("javascript", "for (;;) {}", 0.05, {"timeout"}),
    ("javascript", "require('fs')", None, {"error", "violation"}),
    ("go", GO_OK, None, {"ok"}),
    ("go", GO_ERR, None, {"error"}),
    ("go", GO_LOOP, 0.2, {"timeout"}),
    ("go", GO_BAD, None, {"violation"}),
]


def snapshot() -> dict[str, int]:
    """RSS (kB), open fds and live child processes of this process."""
    rss = 0
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    fds = len(os.listdir("/proc/self/fd"))
    me = str(os.getpid())
    children = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = f.read().rsplit(")", 1)[1].split()[1]
        except OSError:
            continue
        children += ppid == me
    return {"rss_kb": rss, "fds": fds, "children": children}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=10_000)
    ap.add_argument("--concurrency", type=int, default=2)
    ap.add_argument("--batch", type=int, default=48)
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args(argv)

    statuses: Counter[str] = Counter()
    unexpected: list[str] = []
    points: dict[str, dict[str, int]] = {}
    with Sandbox() as sb:
        # Warm-up: engines, pools, the Go build cache and module cache for these programs.
        for lang, code, timeout, _ in MIX:
            if lang == "go":
                for _ in range(20):  # a cold compile may outrun a short timeout; it goes on into the cache
                    r = sb.run(lang, code)
                    if r.extra.get("stop_detail") not in ("compile timeout", "go build timeout"):
                        break
                    time.sleep(1)
            sb.run(lang, code, timeout=timeout)
        points["start"] = snapshot()
        t0 = time.perf_counter()
        done = 0
        half = args.runs // 2
        while done < args.runs:
            n = min(args.batch, args.runs - done)
            jobs = [MIX[(done + i) % len(MIX)] for i in range(n)]
            results = sb.run_many([{"lang": lang, "code": code, "timeout": timeout}
                                   for lang, code, timeout, _ in jobs], concurrency=args.concurrency)
            for (lang, _, _, want), r in zip(jobs, results):
                statuses[f"{lang}:{r.status.value}"] += 1
                if r.status.value not in want and len(unexpected) < 20:
                    unexpected.append(f"{lang} {sorted(want)} got {r.status.value}: {(r.stderr or r.stdout)[:160]!r}")
            prev, done = done, done + n
            if prev < half <= done:
                points["middle"] = snapshot()
            if done % 960 < n:
                print(f"{done}/{args.runs} runs, {done / (time.perf_counter() - t0):.1f} runs/s, {snapshot()}",
                      file=sys.stderr, flush=True)
        elapsed = time.perf_counter() - t0
        points["end"] = snapshot()
    report = {
        "runs": args.runs,
        "concurrency": args.concurrency,
        "elapsed_s": round(elapsed, 2),
        "runs_per_s": round(args.runs / elapsed, 1),
        "points": points,
        "statuses": dict(sorted(statuses.items())),
        "unexpected": unexpected,
    }
    growth_rss = points["end"]["rss_kb"] - points["middle"]["rss_kb"]
    flat = (points["end"]["fds"] <= points["start"]["fds"] + 4
            and points["end"]["children"] <= points["start"]["children"] + 2
            and growth_rss < 100 * 1024)
    report["flat"] = flat
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n")
    unexpected_share = sum(1 for _ in unexpected)
    return 0 if flat and unexpected_share == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
