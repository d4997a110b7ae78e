// attack: dos-regex
// category: resource-exhaustion
// tries: a regex that backtracks catastrophically elsewhere (Go's RE2 engine is linear)
// source: CWE-1333 (ReDoS); OWASP 'ReDoS'
// verdict: status in {ok, timeout} and returns within 8 s
// timeout_s: 2
package main

import (
	"fmt"
	"regexp"
	"strings"
)

func main() {
	fmt.Println(regexp.MustCompile(`(a+)+$`).MatchString(strings.Repeat("a", 5000) + "!"))
}
