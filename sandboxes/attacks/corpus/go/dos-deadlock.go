// attack: dos-deadlock
// category: resource-exhaustion
// tries: park every goroutine (100 receivers on a nil channel, a WaitGroup never done) so that no wasm runs and the
// tries: epoch deadline never fires, hoping the host waits forever
// source: Go runtime "fatal error: all goroutines are asleep - deadlock!" (runtime/proc.go checkdead);
// source: CWE-833 (deadlock)
// verdict: status == error and returns within 8 s
// timeout_s: 2
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	var c chan int
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() { <-c; wg.Done() }()
	}
	var mu sync.Mutex
	mu.Lock()
	go func() { mu.Lock() }()
	wg.Wait()
}
