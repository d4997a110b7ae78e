package main

import (
	"fmt"
	"sort"
	"sync"
)

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	counts := map[int]int{}
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			c := 0
			for n := w * 1000; n < (w+1)*1000; n++ {
				if isPrime(n) {
					c++
				}
			}
			mu.Lock()
			counts[w] = c
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	keys := make([]int, 0)
	total := 0
	for k, v := range counts {
		keys = append(keys, k)
		total += v
	}
	sort.Ints(keys)
	for _, k := range keys {
		fmt.Printf("block %d: %d primes\n", k, counts[k])
	}
	fmt.Println("total", total)
}
