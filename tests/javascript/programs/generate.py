"""Regenerate the expected outputs of the JavaScript program suite with native Node (v20).

For each ``name.js`` here (stdin: ``name.in`` when present) this runs ``node main.js`` as a judge
would: the program copied to ``main.js`` in an empty temporary directory, that directory as the
working directory, an empty environment but ``TZ=UTC`` (the sandbox's clock zone), stdin from the
file. It writes the program's stdout to ``name.out`` and every exit code to ``exit_codes.json``.
CI never runs this: it compares the sandbox with the files committed here. Run it after adding or
changing a program:

    python3 tests/javascript/programs/generate.py [name ...]
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


def native(node: str, name: str, work: Path) -> tuple[bytes, int]:
    shutil.copy(HERE / f"{name}.js", work / "main.js")
    stdin = HERE / f"{name}.in"
    with open(stdin if stdin.exists() else os.devnull, "rb") as fin:
        p = subprocess.run([node, "main.js"], stdin=fin, capture_output=True, cwd=work, env={"TZ": "UTC"}, timeout=60)
    return p.stdout, p.returncode


def main(names: list[str]) -> None:
    node = shutil.which("node") or "node"
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    if not version.startswith("v20."):
        sys.exit(f"expected node v20 (the suite's reference), found {version}")
    codes_file = HERE / "exit_codes.json"
    codes = json.loads(codes_file.read_text()) if codes_file.exists() else {}
    every = sorted(p.stem for p in HERE.glob("*.js"))
    codes = {k: v for k, v in codes.items() if k in every}
    for name in names or every:
        with tempfile.TemporaryDirectory() as tmp:
            out, code = native(node, name, Path(tmp))
        (HERE / f"{name}.out").write_bytes(out)
        codes[name] = code
        print(f"{name}: exit {code}, {len(out)} bytes")
    codes_file.write_text(json.dumps(dict(sorted(codes.items())), indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
