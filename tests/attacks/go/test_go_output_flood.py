# Tries: flood stdout/stderr to exhaust host memory through captured output.
# Published: CWE-400; the same class as the output caps of online judges (e.g. piston's
# output_max_size). Output is captured by our fd_write with a byte cap: the run ends with output_limit.
from tests.go.gohelp import policy, run


def test_stdout_flood_is_cut():
    r = run('package main\nimport ("os"; "strings")\nfunc main() { s := strings.Repeat("A", 1<<16); for { os.Stdout.WriteString(s) } }\n', timeout=30)
    assert r.status == "output_limit"
    assert len(r.stdout) == policy().go.limits.max_output_bytes


def test_stderr_flood_is_cut():
    r = run('package main\nfunc main() { for { println("flood flood flood") } }\n', timeout=30)
    assert r.status == "output_limit"
    assert len(r.stderr.encode()) <= policy().go.limits.max_output_bytes + 100
