"""Load test of ``sandboxes serve``: 1,000 requests at concurrency 8 from httpx, beside in-process ``run()``.

The script starts the server itself (``python -m sandboxes serve`` on 127.0.0.1, a free port, a token
file in a temporary directory, the shipped policy), warms each language up, then sends the jobs: a
cycle of 20 mixing Python, JavaScript and Go, a third of them hostile (refused imports, endless loops
stopped by a 0.2 s timeout, an output flood, every 100th job a program that crashes V8's process).
Every answer must be a 200 with the status the job expects. The server's resident memory (the
process and its children) is sampled after the warm-up, half way and at the end.

The same jobs then go through one in-process ``Sandbox`` from 8 threads calling ``run()``, in the same
script, for the price of HTTP and the service's own queue.

    .venv/bin/python bench/bench_http.py [--requests 1000] [--concurrency 8] [--json bench/results/http.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import RESULTS, machine_info, percentile  # noqa: E402

import httpx  # noqa: E402

GO_OK = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar s string\n\tfmt.Scan(&s)\n\tfmt.Println(len(s))\n}\n'
GO_LOOP = "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n"
GO_EXEC = 'package main\n\nimport "os/exec"\n\nfunc main() { exec.Command("id").Run() }\n'
JS_CRASH = "'x'.repeat(2 ** 28).split('')"  # V8 aborts its process on purpose (crbug.com/1201626)

# (job, the status it must end with); stdin varies with the job's number
CYCLE: list[tuple[dict[str, Any], str]] = [
    ({"lang": "python", "code": "print(sum(map(int, input().split())))"}, "ok"),
    ({"lang": "javascript", "code": "console.log(readline().split(' ').map(Number).reduce((a, b) => a + b))"}, "ok"),
    ({"lang": "go", "code": GO_OK}, "ok"),
    ({"lang": "python", "code": "import os\nos.system('id')"}, "violation"),
    ({"lang": "python", "code": "s = input()\nprint(sorted(s.split()))"}, "ok"),
    ({"lang": "javascript", "code": "for (;;) {}", "timeout": 0.2}, "timeout"),
    ({"lang": "go", "code": GO_OK}, "ok"),
    ({"lang": "python", "code": "while True:\n    pass\n", "timeout": 0.2}, "timeout"),
    ({"lang": "javascript", "code": "const [a, b] = readline().split(' '); console.log(a + b)"}, "ok"),
    ({"lang": "go", "code": GO_EXEC}, "violation"),
    ({"lang": "python", "code": "print(len(input()))"}, "ok"),
    ({"lang": "javascript", "code": "require('child_process').execSync('id')"}, "violation"),
    ({"lang": "go", "code": GO_LOOP, "timeout": 0.2}, "timeout"),
    ({"lang": "python", "code": "while True:\n    print('x' * 1000)\n"}, "output_limit"),
    ({"lang": "javascript", "code": "console.log(readline().length)"}, "ok"),
    ({"lang": "go", "code": GO_OK}, "ok"),
    ({"lang": "python", "code": "import math\nprint(math.factorial(len(input())))"}, "ok"),
    ({"lang": "javascript", "code": "console.log(JSON.stringify(readline().split(' ')))"}, "ok"),
    ({"lang": "python", "code": "().__class__.__base__.__subclasses__()"}, "violation"),
    ({"lang": "go", "code": GO_OK}, "ok"),
]


def jobs(n: int) -> list[tuple[dict[str, Any], str]]:
    out = []
    for i in range(n):
        if i % 100 == 99:
            out.append(({"lang": "javascript", "code": JS_CRASH, "timeout": 10}, "error"))
            continue
        job, want = CYCLE[i % len(CYCLE)]
        out.append(({**job, "stdin": f"{i} {i * 7}\n"}, want))
    return out


def rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and its descendants (the fork server, the workers), in kB."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, StopIteration):
            pass
    return total


def own_rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def summary(lat: list[float], wall: float) -> dict[str, float]:
    return {"p50_ms": round(percentile(lat, 0.5) * 1000, 1), "p99_ms": round(percentile(lat, 0.99) * 1000, 1),
            "max_ms": round(max(lat) * 1000, 1), "wall_s": round(wall, 2), "per_s": round(len(lat) / wall, 1)}


async def load(url: str, token: str, work: list[tuple[dict[str, Any], str]], concurrency: int,
               pid: int) -> dict[str, Any]:
    gate = asyncio.Semaphore(concurrency)
    lat: list[float] = [0.0] * len(work)
    codes: dict[str, int] = {}
    wrong: list[str] = []
    rss: dict[str, int] = {}
    done = 0

    async with httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=120,
                                 limits=httpx.Limits(max_connections=concurrency)) as client:
        async def one(i: int, job: dict[str, Any], want: str) -> None:
            nonlocal done
            async with gate:
                t = time.perf_counter()
                r = await client.post("/v1/run", json=job)
                lat[i] = time.perf_counter() - t
            codes[str(r.status_code)] = codes.get(str(r.status_code), 0) + 1
            got = r.json().get("status") if r.status_code == 200 else r.text[:200]
            if got != want:
                wrong.append(f"job {i} ({job['lang']}): want {want}, got {got}")
            done += 1
            if done % max(1, len(work) // 4) == 0:  # the server alone at each quarter
                rss[str(done)] = own_rss_kb(pid)
            if done == len(work) // 2:
                rss["middle"] = rss_kb(pid)

        t0 = time.perf_counter()
        await asyncio.gather(*(one(i, job, want) for i, (job, want) in enumerate(work)))
        wall = time.perf_counter() - t0
        metrics = (await client.get("/metrics")).text
    runs = [line for line in metrics.splitlines() if line.startswith("sandboxes_runs_total{")]
    return {**summary(lat, wall), "codes": codes, "wrong": wrong, "rss_middle_kb": rss.pop("middle", None),
            "own_rss_kb_after": rss, "metrics_runs": runs}


def in_process(work: list[tuple[dict[str, Any], str]], concurrency: int) -> dict[str, Any]:
    import sandboxes

    with sandboxes.Sandbox() as sb:
        for lang, code in (("python", "print(1)"), ("javascript", "console.log(1)"), ("go", GO_OK)):
            sb.run(lang, code, stdin="x")
        lat: list[float] = [0.0] * len(work)
        wrong: list[str] = []

        def one(i: int) -> None:
            job, want = work[i]
            t = time.perf_counter()
            r = sb.run(job["lang"], job["code"], stdin=job.get("stdin", ""), timeout=job.get("timeout"))
            lat[i] = time.perf_counter() - t
            if r.status.value != want:
                wrong.append(f"job {i} ({job['lang']}): want {want}, got {r.status.value}")

        t0 = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(one, range(len(work))))
        return {**summary(lat, time.perf_counter() - t0), "wrong": wrong}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--json", type=Path, default=RESULTS / "http.json")
    args = ap.parse_args()
    work = jobs(args.requests)
    out: dict[str, Any] = {"machine": machine_info(), "requests": args.requests, "concurrency": args.concurrency,
                           "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                           "load_start": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        token = secrets.token_urlsafe(32)
        tf = Path(tmp) / "token"
        tf.write_text(token + "\n")
        tf.chmod(0o600)
        port = free_port()
        log = open(Path(tmp) / "server.log", "wb")
        proc = subprocess.Popen([sys.executable, "-m", "sandboxes", "serve", "--port", str(port), "--token-file",
                                 str(tf), "--log-level", "warning"], stdin=subprocess.DEVNULL, stdout=log,
                                stderr=log, cwd=tmp)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    httpx.get(url + "/healthz", timeout=2)
                    break
                except httpx.TransportError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit("the server did not start: " + (Path(tmp) / "server.log").read_text())
                    time.sleep(0.1)
            headers = {"Authorization": f"Bearer {token}"}
            for job, _ in CYCLE + [jobs(100)[99]]:  # every engine started and every Go program compiled
                httpx.post(url + "/v1/run", json={**job, "stdin": "1 2\n"}, headers=headers, timeout=120)
            out["server_rss_start_kb"] = rss_kb(proc.pid)
            out["server_own_rss_start_kb"] = own_rss_kb(proc.pid)
            out["http"] = asyncio.run(load(url, token, work, args.concurrency, proc.pid))
            out["server_rss_end_kb"] = rss_kb(proc.pid)
            out["server_own_rss_end_kb"] = own_rss_kb(proc.pid)
            out["server_alive"] = proc.poll() is None
        finally:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()
    out["in_process"] = in_process(work, args.concurrency)
    out["load_end"] = os.getloadavg()[0]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, indent=2) + "\n")
    h, ip = out["http"], out["in_process"]
    fives = sum(n for code, n in h["codes"].items() if code.startswith("5"))
    print(f"{args.requests} requests at concurrency {args.concurrency} (load {out['load_start']:.1f} -> "
          f"{out['load_end']:.1f})")
    print("| path | p50 ms | p99 ms | max ms | wall s | runs/s | wrong status |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in (("HTTP `POST /v1/run` (httpx -> uvicorn)", h), ("in-process `run()` (8 threads)", ip)):
        print(f"| {name} | {r['p50_ms']} | {r['p99_ms']} | {r['max_ms']} | {r['wall_s']} | {r['per_s']} | "
              f"{len(r['wrong'])} |")
    print(f"HTTP codes {h['codes']} (5xx: {fives}); server RSS with children (kB): start "
          f"{out['server_rss_start_kb']}, middle {h['rss_middle_kb']}, end {out['server_rss_end_kb']}; "
          f"the server process alone: {out['server_own_rss_start_kb']}, after n requests {h['own_rss_kb_after']}, "
          f"end {out['server_own_rss_end_kb']}")
    for line in (h["wrong"] + ip["wrong"])[:10]:
        print("  wrong:", line)
    return 0 if fives == 0 and not h["wrong"] and out["server_alive"] else 1


if __name__ == "__main__":
    sys.exit(main())
