// attack: dos-recover-repanic
// category: resource-exhaustion
// tries: a deferred function that recovers and panics again in a loop, hoping the runtime spins or grows the
// tries: panic chain without end
// source: CWE-209 / CWE-400; Go runtime printpanicval (runtime/panic.go) writes the value unbounded;
// source: nested panics: https://github.com/golang/go/issues/17452 (printpanics)
// verdict: status == error and returns within 8 s
// timeout_s: 2
package main

func main() {
	defer func() {
		for {
			recover()
			panic("again")
		}
	}()
	panic(1)
}
