// attack: escape-host-fs
// category: container-escape
// tries: reach the host filesystem through /proc/1/root
// source: MITRE ATT&CK T1611 (Escape to Host); proc(5)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import (
	"fmt"
	"os"
)

func main() {
	es, err := os.ReadDir("/proc/1/root")
	if err != nil {
		panic(err)
	}
	fmt.Println("REA"+"CHED", len(es))
}
