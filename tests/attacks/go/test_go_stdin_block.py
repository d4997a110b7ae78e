# Tries: hang the host by reading stdin forever (io.ReadAll / bufio on os.Stdin waiting for a terminal),
# and write to stdin or other descriptors.
# Published: wasmtime issue about blocking stdin reads in WASI (inherited stdin blocks the host thread);
# ENGINE-NOTES. Stdin is a fixed byte string: the read hits EOF immediately.
import time

from tests.go.gohelp import run

SRC = '''package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	b, err := io.ReadAll(os.Stdin)
	fmt.Println(len(b), err)
	_, err = os.Stdin.Write([]byte("x"))
	fmt.Println(err != nil)
	_, err = os.NewFile(3, "fd3").Write([]byte("x"))
	fmt.Println(err != nil)
}
'''


def test_stdin_never_blocks():
    t0 = time.monotonic()
    r = run(SRC, timeout=30)
    assert r.status == "ok" and r.stdout == "0 <nil>\ntrue\ntrue\n", r.stderr
    r = run(SRC, stdin="abc", timeout=30)
    assert r.stdout.startswith("3 <nil>\n")
    assert time.monotonic() - t0 < 20
