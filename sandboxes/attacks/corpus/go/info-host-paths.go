// attack: info-host-paths
// category: information-disclosure
// tries: learn host paths from a panic trace, os.Getwd, os.Executable and os.Hostname
// source: CWE-209 (Error Message Containing Sensitive Information); MITRE ATT&CK T1082
// verdict: status in {ok, error, violation, compile_error}
package main

import (
	"fmt"
	"os"
)

func main() {
	wd, _ := os.Getwd()
	exe, _ := os.Executable()
	h, _ := os.Hostname()
	fmt.Println(wd, exe, h, os.Args)
	panic("trace")
}
