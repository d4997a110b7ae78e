package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var wg sync.WaitGroup
	results := make(chan [2]int, 100)
	var counter int64
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				atomic.AddInt64(&counter, 1)
			}
			results <- [2]int{id, id * id}
		}(w)
	}
	go func() { wg.Wait(); close(results) }()
	var got [][2]int
	for r := range results {
		got = append(got, r)
	}
	sort.Slice(got, func(i, j int) bool { return got[i][0] < got[j][0] })
	fmt.Println(got, atomic.LoadInt64(&counter))
	done := make(chan struct{})
	ticker := time.NewTicker(2 * time.Millisecond)
	ticks := 0
	go func() { time.Sleep(15 * time.Millisecond); close(done) }()
loop:
	for {
		select {
		case <-ticker.C:
			ticks++
		case <-done:
			break loop
		}
	}
	ticker.Stop()
	fmt.Println("ticks>0:", ticks > 0)
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
	var mu sync.RWMutex
	m := map[int]int{}
	var wg2 sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg2.Add(1)
		go func() { defer wg2.Done(); mu.Lock(); m[i%10]++; mu.Unlock() }()
	}
	wg2.Wait()
	fmt.Println(m)
	ch := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			ch <- i
		}
		close(ch)
	}()
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	timeout := time.After(5 * time.Millisecond)
	select {
	case <-make(chan int):
	case <-timeout:
		fmt.Println("timeout fired")
	}
	fmt.Println(time.Duration(1234567890), time.Unix(1700000000, 0).UTC().Format(time.RFC1123), time.Date(2024, 2, 29, 23, 59, 59, 0, time.UTC).AddDate(0, 1, 0).Format("2006-01-02 Mon Jan 3:04PM"))
}
