package main

import (
	"fmt"
	"sync"
)

type result struct {
	i   int
	val string
}

func work(i int) string {
	h := uint32(2166136261)
	for k := 0; k < 10000*(i+1); k++ {
		h = (h ^ uint32(k)) * 16777619
	}
	return fmt.Sprintf("%08x", h)
}

func main() {
	const n = 10
	out := make([]string, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 3)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i] = work(i)
		}()
	}
	wg.Wait()
	for i, v := range out {
		fmt.Println(i, v)
	}
	ch := make(chan result)
	for i := 0; i < 4; i++ {
		go func(i int) { ch <- result{i, work(i)} }(i)
	}
	got := make(map[int]string)
	for range 4 {
		r := <-ch
		got[r.i] = r.val
	}
	fmt.Println(len(got), got[3] == out[3])
}
