// attack: dos-sleep
// category: resource-exhaustion
// tries: block in a WASI call (time.Sleep ends in poll_oneoff) past the deadline
// source: ENGINE-NOTES: the epoch deadline interrupts only running wasm; wasmtime poll_oneoff
// verdict: status == timeout and returns within 8 s
// timeout_s: 2
package main

import (
	"time"
)

func main() { time.Sleep(time.Hour) }
