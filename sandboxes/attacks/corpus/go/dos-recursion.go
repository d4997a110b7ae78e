// attack: dos-recursion
// category: resource-exhaustion
// tries: recurse without end (Go grows the stack to its maximum)
// source: CWE-674 (Uncontrolled Recursion)
// verdict: status in {error, memory_limit, timeout} and returns within 8 s
// timeout_s: 2
package main

import (
	"fmt"
)

func f(n int) int { return f(n+1) + 1 }

func main() { fmt.Println(f(0)) }
