// attack: proc-kill-parent
// category: process
// tries: find the parent process and kill it
// source: MITRE ATT&CK T1489 (Service Stop)
// verdict: status in {violation, error, compile_error} and a follow-up run is clean
package main

import (
	"os"
)

func main() {
	p, err := os.FindProcess(os.Getppid())
	if err != nil {
		panic(err)
	}
	if err := p.Kill(); err != nil {
		panic(err)
	}
}
