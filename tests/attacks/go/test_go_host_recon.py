# Tries: learn who and where the host is through os calls that need no file access: os.Hostname,
# os.Executable, os.Getuid/Getpid/Getppid/Getgroups, os.TempDir, os.UserHomeDir/UserCacheDir, the local
# time zone (time.Local, time.LoadLocation reading /usr/share/zoneinfo), os.FindProcess + Kill on pid 1,
# os.Pipe, os.Chdir("..") and os.Open of "/", "." and /proc/self/exe.
# Published: MITRE ATT&CK T1082 "System Information Discovery" and T1033 "System Owner/User Discovery";
# WASI's design note that the guest sees only what the embedder grants (WebAssembly/WASI docs, "capabilities").
import os
import socket
from pathlib import Path

from tests.go.gohelp import policy, run

SRC = '''package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	h, _ := os.Hostname()
	e, err := os.Executable()
	fmt.Printf("host=%s exe=%q %v\\n", h, e, err != nil)
	fmt.Println("ids", os.Getuid(), os.Geteuid(), os.Getgid(), os.Getpid(), os.Getppid())
	g, _ := os.Getgroups()
	fmt.Println("groups", g)
	home, herr := os.UserHomeDir()
	cache, cerr := os.UserCacheDir()
	fmt.Printf("home=%q %v cache=%q %v tmp=%q\\n", home, herr != nil, cache, cerr != nil, os.TempDir())
	_, lerr := time.LoadLocation("Europe/Paris")
	fmt.Println("tz", time.Local.String(), time.Now().Format("MST"), lerr != nil)
	fmt.Println("chdir", os.Chdir("..") != nil, os.Chdir("/") != nil)
	wd, _ := os.Getwd()
	fmt.Printf("wd=%q\\n", wd)
	for _, p := range []string{"/", ".", "/proc/self/exe", "/etc/hostname", "/dev/tty"} {
		f, err := os.Open(p)
		fmt.Println("open", p, f == nil, err != nil)
	}
	_, _, perr := os.Pipe()
	fmt.Println("pipe", perr != nil)
	if p, err := os.FindProcess(1); err == nil {
		fmt.Println("kill1", p.Kill() != nil, p.Signal(os.Interrupt) != nil)
	}
}
'''


def test_host_identity_is_not_visible():
    r = run(SRC, timeout=30)
    assert r.status == "ok", r.stderr
    out = r.stdout
    lines = out.splitlines()
    assert lines[0] == "host=wasip1 exe=\"\" true", lines[0]
    assert lines[3] == 'home="" true cache="" true tmp="/tmp"', lines[3]
    assert lines[4] == "tz Local UTC true", lines[4]  # no zoneinfo readable: Local is UTC
    assert lines[5] == "chdir true true" and lines[6] == 'wd=""'
    assert all(line.endswith(" true true") for line in lines[7:12]), lines[7:12]
    assert lines[12:] == ["pipe true", "kill1 true true"]
    # nothing of the real host: name, user ids, pid, home, cache, interpreter
    assert socket.gethostname() not in out.replace("wasip1", "")
    if os.getpid() > 10:
        assert str(os.getpid()) not in out
    if os.getuid() > 1:
        assert f" {os.getuid()} " not in lines[1]
    for secret in (str(Path.home()), policy().go.cache_dir):
        assert secret not in out
