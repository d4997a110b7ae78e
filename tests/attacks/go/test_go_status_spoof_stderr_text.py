# Tries: make an ordinary Go failure (a panic, os.Exit(2), an output flood) come back as
# `memory_limit` by writing the Go runtime's own out-of-memory wording to stderr first: the host
# classifies exit status 2 and output-limit stops by searching the guest's stderr for
# "fatal error: out of memory" / "runtime: out of memory", text the guest chooses.
# Published: verdict spoofing in online judges that derive verdicts from stderr text (DMOJ/judge0
# issues on "MLE" detected by matching runner output); CWE-138 "Improper Neutralization of Special
# Elements"; the JavaScript counterpart here is tests/attacks/javascript/test_status_spoof_error_text.py.
import pytest

from tests.go.gohelp import run

PROGRAMS = {
    # an ordinary exit status 2 after printing the runtime's wording
    "exit2": '''package main
import ("fmt"; "os")
func main() {
	fmt.Println("tiny program")
	fmt.Fprintln(os.Stderr, "fatal error: out of memory")
	os.Exit(2)
}
''',
    # an ordinary panic (Go exits with status 2 after a panic)
    "panic": '''package main
func main() {
	println("fatal error: out of memory")
	panic("boom")
}
''',
    # an output flood: should be output_limit
    "flood": '''package main
import ("fmt"; "os"; "strings")
func main() {
	fmt.Fprintln(os.Stderr, "runtime: out of memory")
	s := strings.Repeat("x", 4096)
	for { fmt.Println(s) }
}
''',
}
EXPECTED = {"exit2": "error", "panic": "error", "flood": "output_limit"}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_guest_stderr_text_does_not_choose_the_status(name):
    r = run(PROGRAMS[name], timeout=30)
    assert r.status == EXPECTED[name], (r.status, r.exit_code, r.extra, r.stderr[:200])
    assert r.extra.get("stopped_by") != "wasmtime" or "memory" not in r.extra.get("stop_detail", "")
