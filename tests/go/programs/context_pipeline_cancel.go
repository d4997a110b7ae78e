package main

import (
	"context"
	"fmt"
	"time"
)

func producer(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; ; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	sum := 0
	for v := range producer(ctx) {
		sum += v
		if v == 100 {
			cancel()
			break
		}
	}
	fmt.Println(sum, ctx.Err())
	ctx2, cancel2 := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel2()
	n := 0
	for range producer(ctx2) {
		n++
		if n == 1000 {
			break
		}
	}
	fmt.Println(n)
}
