# Tries: make the host-side policy check of a Go source (a Python lexer that runs before any
# deadline exists, in the host process: Go runs in-process by default) take quadratic time. For
# every comment the lexer copies the text from the start of the line to the comment
# (`src[self.line_start:self.i]`, to know whether the comment starts its line), so one line of
# 262 000 empty block comments `/**/`, exactly at max_code_bytes (1 MiB), copies about 130 GB.
# Published: CWE-407 "Inefficient Algorithmic Complexity"; the Go toolchain's own scanner DoS
# CVE-2023-24537 (go/parser: infinite loop on //line directives with large line numbers), i.e.
# source checks run by a judge before the program's limits apply are attack surface too.
import time

import sandboxes
from tests.go.gohelp import policy

HEAD = "package main\n\nfunc main() { println(\"hi\") }\n"
SOURCE = HEAD + "/**/" * ((sandboxes.default_policy().go.limits.max_code_bytes - len(HEAD) - 1) // 4) + "\n"


def test_policy_check_of_a_max_size_source_respects_the_deadline():
    assert len(SOURCE.encode()) <= sandboxes.default_policy().go.limits.max_code_bytes
    t0 = time.monotonic()
    r = sandboxes.run("go", SOURCE, policy=policy(), timeout=2)
    elapsed = time.monotonic() - t0
    assert r.status in ("ok", "timeout", "violation", "compile_error"), (r.status, r.stderr[:200])
    assert elapsed < 6.0, f"a timeout=2 run took {elapsed:.1f} s ({r.status}: {r.stderr[:80]!r})"


def test_static_check_is_fast():
    t0 = time.monotonic()
    assert sandboxes.check("go", SOURCE, policy=policy()) == []
    assert time.monotonic() - t0 < 3.0
