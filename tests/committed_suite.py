"""A suite of programs whose native answers are committed beside them (Go and JavaScript, issue 13).

A directory holds ``name.<ext>`` (the program), ``name.in`` (its stdin, when it reads one), ``name.out``
(native stdout) and ``exit_codes.json`` (native exit code of each program), written by the directory's
``generate.py``. The tests run every program through the sandbox and compare byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

import sandboxes


class CommittedSuite:
    def __init__(self, directory: Path, ext: str) -> None:
        self.dir = directory
        self.ext = ext
        self.programs = sorted(p.stem for p in directory.glob(f"*.{ext}"))
        self.exit_codes: dict[str, int] = json.loads((directory / "exit_codes.json").read_text())

    def stdin(self, name: str) -> str:
        f = self.dir / f"{name}.in"
        return f.read_text(encoding="utf-8") if f.exists() else ""

    def jobs(self, lang: str, timeout: float) -> list[tuple[str, str, dict]]:
        """One ``run_many`` job per program, in ``programs`` order."""
        return [(lang, (self.dir / f"{n}.{self.ext}").read_text(encoding="utf-8"),
                 {"stdin": self.stdin(n), "timeout": timeout}) for n in self.programs]

    def assert_complete(self, at_least: int) -> None:
        """Enough programs, and a native answer for each of them and for no other."""
        assert len(self.programs) >= at_least
        assert sorted(self.exit_codes) == self.programs  # generate.py ran for every program, and for no other
        assert all((self.dir / f"{n}.out").exists() for n in self.programs)

    def assert_matches(self, name: str, r: sandboxes.Result) -> None:
        """``r`` answered as the native run did: exit code, status, stdout byte for byte."""
        expected = (self.dir / f"{name}.out").read_bytes().decode("utf-8")
        code = self.exit_codes[name]
        assert r.exit_code == code, (r.status, r.stderr[-2000:])
        assert str(r.status) == ("ok" if code == 0 else "error"), r.stderr[-2000:]
        assert r.stdout == expected, r.stderr[-2000:]
