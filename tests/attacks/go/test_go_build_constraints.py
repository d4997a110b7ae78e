# Tries: build constraints that change what `go build` compiles: legacy `// +build ignore` / `// +build !wasip1`
# headers (not a //go: directive, so the directive filter does not see them), `//go:build` spelled with odd
# spacing, and a `+build` line after the package clause; hoping for a build of some other file or a message
# that names the build directory.
# Published: Go build constraints doc (https://pkg.go.dev/cmd/go#hdr-Build_constraints) and the
# //go:build transition proposal https://github.com/golang/go/issues/41184 ; CWE-209 for the path leak.
import sys
from pathlib import Path

from tests.go.gohelp import policy, run

BODY = 'package main\n\nfunc main() { println("built") }\n'


def _no_host_path(text: str) -> None:
    for secret in (policy().go.cache_dir, str(Path.home()), sys.prefix, "/tmp/"):
        assert secret not in text, (secret, text)


def test_plus_build_lines_only_exclude_the_file():
    for header in ("// +build ignore\n\n", "// +build !wasip1\n\n", "// +build linux,amd64 cgo\n\n"):
        r = run(header + BODY, timeout=30)
        assert r.status == "compile_error", (header, r.status, r.stderr)
        assert "built" not in r.stderr + r.stdout
        assert "build constraints exclude all Go files" in r.stderr
        _no_host_path(r.stderr)


def test_go_build_directive_is_refused():
    for header in ("//go:build ignore\n\n", "//go:build !wasip1\n// +build !wasip1\n\n", "//go:build  wasip1\n\n"):
        r = run(header + BODY)
        assert r.status == "violation", header
        assert [(v.kind, v.line) for v in r.violations][0] == ("directive", 1)


def test_plus_build_after_package_clause_is_a_plain_comment():
    r = run('package main // +build ignore\n\nfunc main() { println("built") }\n', timeout=30)
    assert r.status == "ok" and r.stderr == "built\n", (r.status, r.stderr)
