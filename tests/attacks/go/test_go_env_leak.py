# Tries: read the host's environment (secrets in env variables) with os.Environ / os.Getenv /
# os.LookupEnv, and the host's argv.
# Published: CWE-526 (exposure of sensitive information through environment variables); WASI's
# environ_get hands the guest whatever the embedder configured (wasmtime WasiConfig.inherit_env).
import os

from tests.go.gohelp import run

SRC = '''package main

import (
	"fmt"
	"os"
)

func main() {
	_, ok := os.LookupEnv("SANDBOXES_GO_SECRET")
	fmt.Println(len(os.Environ()), os.Getenv("HOME"), os.Getenv("PATH"), ok, len(os.Args), os.Args[0])
	wd, err := os.Getwd()
	fmt.Println(wd, err != nil)
}
'''


def test_host_environment_is_not_visible(monkeypatch):
    monkeypatch.setenv("SANDBOXES_GO_SECRET", "hunter2")
    r = run(SRC, timeout=30)
    assert r.status == "ok", r.stderr
    first = r.stdout.splitlines()[0]
    assert first == "0   false 1 main"
    assert "hunter2" not in r.stdout and os.environ.get("HOME", "/root") not in r.stdout
