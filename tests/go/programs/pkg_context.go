package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type key string

func worker(ctx context.Context, id int, jobs <-chan int, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case j, ok := <-jobs:
			if !ok {
				return
			}
			out <- fmt.Sprintf("job %d squared %d (trace %v)", j, j*j, ctx.Value(key("trace")))
		}
	}
}

func slow(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx := context.WithValue(context.Background(), key("trace"), "t-42")
	ctx, cancel := context.WithCancel(ctx)
	jobs, out := make(chan int), make(chan string, 10)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(ctx, i, jobs, out, &wg)
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	cancel()
	close(out)
	results := map[string]bool{}
	for s := range out {
		results[s] = true
	}
	for j := 1; j <= 5; j++ {
		fmt.Println(results[fmt.Sprintf("job %d squared %d (trace t-42)", j, j*j)])
	}
	fmt.Println(ctx.Err(), errors.Is(ctx.Err(), context.Canceled))

	tctx, tcancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer tcancel()
	err := slow(tctx, 2*time.Second)
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded))
	_, has := tctx.Deadline()
	fmt.Println("has deadline:", has)
	fmt.Println(slow(context.Background(), time.Millisecond))

	cctx, ccancel := context.WithCancelCause(context.Background())
	ccancel(errors.New("shutting down"))
	fmt.Println(cctx.Err(), context.Cause(cctx))
	stop := context.AfterFunc(cctx, func() { fmt.Println("after func ran") })
	time.Sleep(10 * time.Millisecond)
	fmt.Println("stop:", stop())
	fmt.Println(context.Background(), context.TODO())
	wctx, wcancel := context.WithoutCancel(cctx), func() {}
	wcancel()
	fmt.Println(wctx.Err())
}
