// attack: poison-global-state
// category: cross-run-poisoning
// tries: change package-level state (rand seed, time zone) for the next run
// source: CWE-471
// verdict: status in {ok, error, violation, compile_error} and a follow-up run is clean
package main

import (
	"math/rand"
	"time"
)

func main() {
	rand.Seed(42)
	time.Local = time.FixedZone("X", 3600)
}
