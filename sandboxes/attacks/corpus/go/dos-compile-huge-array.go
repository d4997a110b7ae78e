// attack: dos-compile-huge-array
// category: resource-exhaustion
// tries: make the compiler and linker allocate a huge static array
// source: golang/go issues on huge static data (compile-time resource exhaustion); CWE-400
// verdict: status in {compile_error, memory_limit, timeout, error} and returns within 8 s
// timeout_s: 2
package main

import (
	"fmt"
)

var big [1 << 40]byte

func main() { fmt.Println(big[len(big)-1]) }
