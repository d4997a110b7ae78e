// attack: dos-goroutines
// category: resource-exhaustion
// tries: start goroutines without end
// source: CWE-400; MITRE ATT&CK T1496 (Resource Hijacking)
// verdict: status in {timeout, memory_limit, error} and returns within 8 s
// timeout_s: 2
package main

import (
	"time"
)

func main() {
	for {
		go func() { time.Sleep(time.Hour) }()
	}
}
