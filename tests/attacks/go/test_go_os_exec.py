# Tries: run a host command with os/exec (exec.Command("sh", "-c", ...)) and os.StartProcess.
# Published: CWE-78 (OS command injection); Go's os/exec docs; on wasip1 os.StartProcess returns
# ENOSYS, and os/exec is refused by the import allowlist before any build.
from tests.go.gohelp import run


def test_os_exec_is_not_allowed():
    r = run('package main\nimport "os/exec"\nfunc main() { exec.Command("sh", "-c", "id").Run() }\n')
    assert r.status == "violation" and r.violations[0].kind == "import"
    assert "'os/exec' is not allowed" in r.violations[0].detail


def test_start_process_fails_inside_wasm():
    src = ('package main\nimport ("fmt"; "os")\nfunc main() {\n'
           '\t_, err := os.StartProcess("/bin/sh", []string{"sh", "-c", "id"}, &os.ProcAttr{})\n'
           '\tfmt.Println(err != nil)\n}\n')
    r = run(src, timeout=30)
    assert r.status == "ok" and r.stdout == "true\n", r.stderr
