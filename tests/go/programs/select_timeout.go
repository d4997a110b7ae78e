package main

import (
	"fmt"
	"time"
)

func main() {
	fast := make(chan string)
	go func() {
		time.Sleep(5 * time.Millisecond)
		fast <- "fast result"
	}()
	select {
	case r := <-fast:
		fmt.Println(r)
	case <-time.After(2 * time.Second):
		fmt.Println("timeout")
	}
	never := make(chan int)
	select {
	case v := <-never:
		fmt.Println("got", v)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timed out waiting")
	}
	buf := make(chan int, 1)
	for i := 0; i < 3; i++ {
		select {
		case buf <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full, dropped", i)
		}
	}
	t := time.NewTicker(2 * time.Millisecond)
	n := 0
	for range t.C {
		n++
		if n == 3 {
			t.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
}
