// attack: escape-runtime-package
// category: interpreter-escape
// tries: use the runtime and reflect packages to break type safety
// source: Go reflect documentation (unexported field access); pyjail-style reflection escapes
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import (
	"fmt"
	"runtime"
)

func main() { fmt.Println("REA"+"CHED", runtime.GOROOT(), runtime.NumGoroutine()) }
