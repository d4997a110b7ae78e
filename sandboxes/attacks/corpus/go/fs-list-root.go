// attack: fs-list-root
// category: filesystem
// tries: list the root directory and the working directory
// source: MITRE ATT&CK T1083 (File and Directory Discovery)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import (
	"fmt"
	"os"
)

func main() {
	es, err := os.ReadDir("/")
	if err != nil {
		panic(err)
	}
	fmt.Println("REA"+"CHED", len(es))
}
