// attack: dos-output
// category: resource-exhaustion
// tries: print without end to flood the host with output
// source: CWE-400
// verdict: status in {output_limit, timeout} and returns within 8 s
// timeout_s: 2
package main

import (
	"fmt"
	"strings"
)

func main() {
	s := strings.Repeat("A", 65536)
	for {
		fmt.Println(s)
	}
}
