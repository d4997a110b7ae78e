// attack: proc-enumerate
// category: process
// tries: list processes by reading /proc
// source: MITRE ATT&CK T1057 (Process Discovery)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import (
	"fmt"
	"os"
)

func main() {
	es, err := os.ReadDir("/proc")
	if err != nil {
		panic(err)
	}
	fmt.Println("REA"+"CHED", len(es))
}
