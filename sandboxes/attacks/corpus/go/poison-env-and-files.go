// attack: poison-env-and-files
// category: cross-run-poisoning
// tries: set environment variables and create files for the next run
// source: CWE-471 (Modification of Assumed-Immutable Data); DESIGN.md 'fresh wasm store per run'
// verdict: status in {ok, error, violation, compile_error} and a follow-up run is clean
package main

import (
	"os"
)

func main() {
	os.Setenv("POISON", "1")
	_ = os.WriteFile("poison.txt", []byte("1"), 0o644)
	_ = os.WriteFile("/tmp/poison.txt", []byte("1"), 0o644)
}
