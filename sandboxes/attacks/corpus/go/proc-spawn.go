// attack: proc-spawn
// category: process
// tries: run a command with os/exec
// source: MITRE ATT&CK T1059 (Command and Scripting Interpreter); CWE-78
// verdict: status in {violation, error, compile_error} and output lacks "uid="
package main

import (
	"fmt"
	"os/exec"
)

func main() {
	out, _ := exec.Command("id").Output()
	fmt.Print(string(out))
}
