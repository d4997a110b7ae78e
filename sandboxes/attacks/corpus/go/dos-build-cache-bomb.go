// attack: dos-build-cache-bomb
// category: resource-exhaustion
// tries: a 1 KB program whose constant string doubles 19 times, so the compiler folds a 32 MiB string into static
// tries: data: every distinct program leaves ~32 MiB in the host's Go build cache and ~80 MiB in the module cache
// source: "zip bomb" / decompression-amplification class (CWE-409); Go build cache trimming policy
// source: (cmd/go/internal/cache: trimInterval 1 day, trimLimit 5 days);
// source: https://github.com/golang/go/issues/29561 ("GOCACHE appears to lack disk size limit")
// verdict: status in {ok, timeout, compile_error, memory_limit} and returns within 8 s and a follow-up run is clean
// timeout_s: 2
// exclusive: true
package main

import "fmt"

const s0 = "7777777777777777777777777777777777777777777777777777777777777777"
const s1 = s0 + s0
const s2 = s1 + s1
const s3 = s2 + s2
const s4 = s3 + s3
const s5 = s4 + s4
const s6 = s5 + s5
const s7 = s6 + s6
const s8 = s7 + s7
const s9 = s8 + s8
const s10 = s9 + s9
const s11 = s10 + s10
const s12 = s11 + s11
const s13 = s12 + s12
const s14 = s13 + s13
const s15 = s14 + s14
const s16 = s15 + s15
const s17 = s16 + s16
const s18 = s17 + s17
const s19 = s18 + s18

var big = s19

func main() { fmt.Println(len(big)) }
