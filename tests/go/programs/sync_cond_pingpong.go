package main

import (
	"fmt"
	"sync"
)

func main() {
	ping, pong := make(chan int), make(chan int)
	done := make(chan bool)
	go func() {
		for v := range ping {
			fmt.Println("ping", v)
			pong <- v + 1
		}
		close(pong)
	}()
	go func() {
		for v := range pong {
			fmt.Println("pong", v)
			if v >= 6 {
				close(ping)
				for range pong {
				}
				break
			}
			ping <- v + 1
		}
		done <- true
	}()
	ping <- 1
	<-done
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := 0
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			ready++
			cond.Broadcast()
			mu.Unlock()
		}()
	}
	mu.Lock()
	for ready < 3 {
		cond.Wait()
	}
	mu.Unlock()
	wg.Wait()
	fmt.Println("all ready", ready)
}
