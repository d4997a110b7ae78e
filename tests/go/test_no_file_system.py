"""Issue 13: what a Go program sees of its process, and how the missing file system answers.

There is no preopened directory: every ``path_*`` WASI function answers ``EPERM``, so ``os.Open`` and
friends fail with ``operation not permitted`` and ``errors.Is(err, os.ErrPermission)`` (wasmtime's own
answer was ``EBADF``, ``Bad file number``, which named nothing). A run that fails after trying the file
system gets one more stderr line saying why; one that falls back to stdin and ends ok keeps its stderr.
These facts are the README's (``os.Args``, the environment, the working directory, log's file names).
"""

from __future__ import annotations

from sandboxes.go._wasm import NO_FILE_SYSTEM
from tests.go.gohelp import run

EVERY_OP = '''package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

func show(what string, err error) {
	fmt.Printf("%s: %v (permission %v)\\n", what, err, errors.Is(err, os.ErrPermission))
}

func main() {
	_, err := os.Open("/tmp/dat1")
	show("open", err)
	_, err = os.ReadFile("input.txt")
	show("readfile", err)
	_, err = os.Create("out.txt")
	show("create", err)
	_, err = os.Stat("/")
	show("stat", err)
	_, err = os.Lstat("/etc")
	show("lstat", err)
	show("mkdir", os.Mkdir("/tmp/x", 0o755))
	show("mkdirall", os.MkdirAll("/tmp/x/y", 0o755))
	show("remove", os.Remove("/tmp/x"))
	show("rename", os.Rename("/a", "/b"))
	show("symlink", os.Symlink("/a", "/b"))
	show("link", os.Link("/a", "/b"))
	_, err = os.Readlink("/a")
	show("readlink", err)
	show("chtimes", os.Chtimes("/a", time.Time{}, time.Time{}))
	show("chdir", os.Chdir("/tmp"))
	_, err = os.ReadDir(".")
	show("readdir", err)
	_, err = os.CreateTemp("", "x")
	show("createtemp", err)
	show("walkdir", filepath.WalkDir("/", func(_ string, _ fs.DirEntry, err error) error { return err }))
	_, err = fs.ReadFile(os.DirFS("/"), "etc/passwd")
	show("dirfs", err)
	st, err := os.Stdin.Stat()
	fmt.Println("stdin stat:", st != nil, err)
}
'''


def test_every_file_system_operation_is_a_permission_error_that_says_so():
    r = run(EVERY_OP)
    assert (r.status, r.exit_code, r.stderr) == ("ok", 0, ""), r.stderr
    lines = r.stdout.splitlines()
    assert lines[-1] == "stdin stat: true <nil>"
    ops = lines[:-1]
    assert len(ops) == 18
    for line in ops:
        assert "Operation not permitted (permission true)" in line, line
    assert ops[0] == "open: open /tmp/dat1: Operation not permitted (permission true)"
    assert "readfile: open input.txt: Operation not permitted" in ops[1]
    assert "walkdir: lstat /: Operation not permitted" in ops[16]
    assert r.extra["file_system"] == "denied (path_open)"
    assert "Bad file number" not in r.stdout


FATAL = '''package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	f, err := os.Open("input.txt")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	fmt.Println(bufio.NewReader(f).Size())
}
'''

FALLBACK = '''package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

func main() {
	var in io.Reader = os.Stdin
	if f, err := os.Open("input.txt"); err == nil {
		in = f
	}
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		fmt.Println("line:", sc.Text())
	}
}
'''


def test_a_run_that_fails_on_the_file_system_is_told_there_is_none():
    r = run(FATAL)
    assert (r.status, r.exit_code) == ("error", 2)
    assert "panic: open input.txt: Operation not permitted" in r.stderr
    assert r.stderr.endswith(f"sandboxes: {NO_FILE_SYSTEM}\n")
    assert "no file system" in NO_FILE_SYSTEM and "stdin" in NO_FILE_SYSTEM


def test_a_program_that_falls_back_to_stdin_keeps_its_own_stderr():
    r = run(FALLBACK, stdin="a\nb\n")
    assert (r.status, r.stdout, r.stderr) == ("ok", "line: a\nline: b\n", "")
    assert r.extra["file_system"] == "denied (path_open)"
    plain = run('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(1) }\n')
    assert "file_system" not in plain.extra


PROCESS = '''package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
)

func main() {
	fmt.Printf("args=%q env=%d wd=%q\\n", os.Args, len(os.Environ()), must(os.Getwd()))
	abs, err := filepath.Abs("x.txt")
	fmt.Printf("abs=%q %v\\n", abs, err)
	n := flag.Int("n", 3, "")
	flag.Parse()
	fmt.Println("flag:", *n, flag.NArg())
	home, err := os.UserHomeDir()
	fmt.Printf("home=%q %v\\n", home, err)
	fmt.Println("tmp:", os.TempDir(), "pid>0:", os.Getpid() > 0)
	log.SetOutput(os.Stdout)
	log.SetFlags(log.Lshortfile)
	log.Println("short")
	log.SetFlags(log.Llongfile)
	log.Println("long")
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}
'''


def test_what_the_program_sees_of_its_process():
    r = run(PROCESS)
    assert r.status == "ok", r.stderr
    assert r.stdout.splitlines() == [
        'args=["main"] env=0 wd=""',
        'abs="x.txt" <nil>',  # no working directory: filepath.Abs cannot make a path absolute
        "flag: 3 0",
        'home="" $HOME is not defined',
        "tmp: /tmp pid>0: true",
        "main.go:23: short",
        "sandbox/main.go:25: long",  # the module is `sandbox`, built with -trimpath
    ]
