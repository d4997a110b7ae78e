package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"sync"
)

type result struct {
	idx   int
	input int
	steps int
}

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func main() {
	var inputs []int
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		if n, err := strconv.Atoi(sc.Text()); err == nil {
			inputs = append(inputs, n)
		}
	}
	jobs := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results <- result{i, inputs[i], collatz(inputs[i])}
			}
		}()
	}
	go func() {
		for i := range inputs {
			jobs <- i
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()
	out := make([]result, len(inputs))
	for r := range results {
		out[r.idx] = r
	}
	for _, r := range out {
		fmt.Printf("%d takes %d steps\n", r.input, r.steps)
	}
}
