# Tries: learn host paths (build directory, GOROOT, home, cache) from panic tracebacks, runtime.Caller
# and compiler messages, as a reconnaissance step.
# Published: "cmd/go: add -trimpath" discussion, https://github.com/golang/go/issues/16860 ; CWE-209
# (information exposure through error messages).
import sys
from pathlib import Path

from tests.go.gohelp import policy, run


def _assert_no_host_path(text: str) -> None:
    for secret in (str(Path.home()), policy().go.cache_dir, sys.prefix, "/tmp/"):
        assert secret not in text, (secret, text[:500])


def test_panic_trace_has_no_host_path():
    r = run('package main\nfunc main() { var p *int; println(*p) }\n', timeout=30)
    assert r.status == "error" and "main.go:2" in r.stderr
    _assert_no_host_path(r.stderr)


def test_reflect_and_errors_have_no_host_path():
    src = ('package main\nimport ("fmt"; "os"; "reflect")\ntype T struct{}\n'
           'func main() { fmt.Println(reflect.TypeOf(T{}).PkgPath()); _, err := os.Open("x"); fmt.Println(err) }\n')
    r = run(src, timeout=30)
    assert r.status == "ok", r.stderr
    _assert_no_host_path(r.stdout)


def test_compile_errors_have_no_host_path():
    r = run('package main\nimport "fmt"\nfunc main() { fmt.Printn(1) }\n', timeout=30)
    assert r.status == "compile_error" and r.stderr.startswith("main.go:3:")
    _assert_no_host_path(r.stderr)
