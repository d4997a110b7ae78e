// attack: info-environment
// category: information-disclosure
// tries: read the host environment (secrets in variables)
// source: CWE-526 (Sensitive Information in Environment Variables)
// verdict: status in {ok, error, violation, compile_error} and canary not in output
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(os.Getenv("{{CANARY_ENV}}"), os.Environ())
}
