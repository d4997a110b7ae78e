# Tries: crash with an oversized or self-referential panic: panic(strings.Repeat(...)) of 10 MB (one
# write(2) of the whole message), an error whose Error() panics again (the runtime's "panic while printing
# panic value" path dumps goroutine frames with addresses), and a deferred recover/re-panic loop.
# Published: CWE-209 / CWE-400; Go runtime printpanicval (runtime/panic.go) writes the value unbounded;
# nested panics: https://github.com/golang/go/issues/17452 (printpanics).
import sys
from pathlib import Path

from tests.go.gohelp import policy, run


def _no_host_path(text: str) -> None:
    for secret in (policy().go.cache_dir, str(Path.home()), sys.prefix, "/tmp/"):
        assert secret not in text, secret


def test_huge_panic_message_is_cut_at_the_output_cap():
    r = run('package main\nimport "strings"\nfunc main() { panic(strings.Repeat("P", 10<<20)) }\n', timeout=30)
    assert r.status == "output_limit", (r.status, r.stderr[:200])
    cap = policy().go.limits.max_output_bytes
    assert len(r.stdout.encode()) + len(r.stderr.encode()) <= cap + 100


def test_panic_while_printing_panic_is_an_error_without_host_paths():
    src = 'package main\ntype E struct{}\nfunc (E) Error() string { panic(E{}) }\nfunc main() { panic(E{}) }\n'
    r = run(src, timeout=30)
    assert r.status == "error" and r.exit_code == 2, (r.status, r.stderr[:300])
    assert "panic while printing panic value" in r.stderr
    _no_host_path(r.stderr)


def test_recover_repanic_loop_ends():
    r = run('package main\nfunc main() { defer func() { for { recover(); panic("again") } }(); panic(1) }\n', timeout=5)
    assert r.status == "error" and r.exit_code == 2, (r.status, r.stderr[:300])
    _no_host_path(r.stderr)
