// attack: dos-compile-const-bomb
// category: resource-exhaustion
// tries: make the compiler evaluate enormous untyped constants
// source: Go spec 'Constant expressions' (arbitrary precision); compile-time bombs
// verdict: status in {compile_error, timeout, memory_limit} and returns within 8 s
// timeout_s: 2
package main

import (
	"fmt"
)

const a = 1 << 100000
const b = a * a * a * a * a * a * a * a
const c = b * b * b * b * b * b * b * b

func main() { fmt.Println(c > 0) }
