// attack: dos-panic-huge-message
// category: resource-exhaustion
// tries: crash with a 10 MB panic message (one write(2) of the whole value by the runtime), past max_output_bytes
// source: CWE-209 / CWE-400; Go runtime printpanicval (runtime/panic.go) writes the value unbounded;
// source: nested panics: https://github.com/golang/go/issues/17452 (printpanics)
// verdict: status == output_limit and output lacks "END-OF-THE-PANIC" and returns within 8 s
// timeout_s: 2
package main

import "strings"

func main() { panic(strings.Repeat("P", 10<<20) + "END-OF-" + "THE-PANIC") }
