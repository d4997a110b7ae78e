// attack: dos-memory
// category: resource-exhaustion
// tries: allocate memory until the host runs out
// source: CWE-789; CWE-400
// verdict: status in {memory_limit, error, timeout} and returns within 8 s
// timeout_s: 2
package main

import (
	"fmt"
)

func main() {
	var keep [][]byte
	for {
		b := make([]byte, 1<<24)
		b[0] = 1
		keep = append(keep, b)
		fmt.Print("")
	}
}
