package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Counter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *Counter) Inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k]++
}

func main() {
	c := Counter{m: map[string]int{}}
	var hits atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Inc([]string{"a", "b", "c"}[(i+j)%3])
				hits.Add(1)
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(c.m["a"]+c.m["b"]+c.m["c"], hits.Load(), len(c.m))
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("init once") })
	}
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	fmt.Println("write locked")
	rw.Unlock()
}
