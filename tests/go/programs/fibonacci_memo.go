package main

import "fmt"

var memo = map[int]uint64{}

func fib(n int) uint64 {
	if n < 2 {
		return uint64(n)
	}
	if v, ok := memo[n]; ok {
		return v
	}
	v := fib(n-1) + fib(n-2)
	memo[n] = v
	return v
}

func main() {
	for _, n := range []int{0, 1, 2, 10, 50, 93} {
		fmt.Printf("fib(%d) = %d\n", n, fib(n))
	}
}
