# Tries: raw system calls through package syscall (syscall.Open of a host path, syscall.Exec), the
# usual way around os-level checks.
# Published: Go's syscall package docs ("deprecated, locked down"); golang/go#58141 (the wasip1 port
# maps syscall to WASI imports). Refused by the allowlist, also when hidden behind escapes in the path.
from tests.go.gohelp import run


def test_syscall_is_not_allowed():
    for spelled in ('"syscall"', '"\\x73yscall"', "`syscall`", 's "syscall"'):
        src = f'package main\nimport (\n\t"fmt"\n\t{spelled}\n)\nfunc main() {{ fmt.Println() }}\n'
        r = run(src)
        assert r.status == "violation", spelled
        assert [(v.kind, v.line) for v in r.violations] == [("import", 4)]
