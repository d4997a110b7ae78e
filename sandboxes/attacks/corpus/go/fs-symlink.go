// attack: fs-symlink
// category: filesystem
// tries: read the canary through a symlink and os.Readlink
// source: CWE-59 (Link Following)
// verdict: status in {violation, error, compile_error} and canary not in output
package main

import (
	"fmt"
	"os"
)

func main() {
	t, _ := os.Readlink("{{CANARY_LINK}}")
	fmt.Println(t)
	b, err := os.ReadFile("{{CANARY_LINK}}")
	if err != nil {
		panic(err)
	}
	fmt.Print(string(b))
}
