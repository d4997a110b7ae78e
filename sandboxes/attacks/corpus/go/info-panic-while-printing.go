// attack: info-panic-while-printing
// category: information-disclosure
// tries: panic with an error whose Error() panics again: the runtime's "panic while printing panic value" path dumps
// tries: goroutine frames with addresses, hoping for host paths (build directory, module cache, toolchain)
// source: CWE-209 / CWE-400; Go runtime printpanicval (runtime/panic.go) writes the value unbounded;
// source: nested panics: https://github.com/golang/go/issues/17452 (printpanics)
// verdict: status == error and output lacks "/tmp/" and output lacks "/.cache/" and output lacks "go-build"
// verdict: and output lacks "/root" and returns within 8 s
// timeout_s: 2
package main

type E struct{}

func (E) Error() string { panic(E{}) }

func main() { panic(E{}) }
