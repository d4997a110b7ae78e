// attack: proc-start-process
// category: process
// tries: spawn a process with os.StartProcess (os is allowed)
// source: MITRE ATT&CK T1106 (Native API)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import (
	"fmt"
	"os"
)

func main() {
	p, err := os.StartProcess("/bin/sh", []string{"sh", "-c", "id"}, &os.ProcAttr{})
	if err != nil {
		panic(err)
	}
	fmt.Println("REA"+"CHED", p.Pid)
}
