// attack: dos-cpu
// category: resource-exhaustion
// tries: spin the CPU forever
// source: CWE-400; MITRE ATT&CK T1499.003
// verdict: status == timeout and returns within 8 s
// timeout_s: 2
package main

import (
	"fmt"
)

func main() {
	n := 0
	for {
		n++
	}
	fmt.Println(n)
}
