// attack: priv-setuid
// category: privilege-escalation
// tries: become root with syscall.Setuid
// source: MITRE ATT&CK T1548.001 (Setuid and Setgid)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import (
	"fmt"
	"syscall"
)

func main() {
	if err := syscall.Setuid(0); err != nil {
		panic(err)
	}
	fmt.Println("REA" + "CHED")
}
