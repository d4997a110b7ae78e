package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Fib() iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for {
			if !yield(a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func Enumerate[T any](s []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i*10, v) {
				return
			}
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func main() {
	for v := range Take(Fib(), 12) {
		fmt.Print(v, " ")
	}
	fmt.Println()
	for i, s := range Enumerate([]string{"a", "b", "c"}) {
		fmt.Print(i, s, ";")
	}
	fmt.Println()
	for i := range 4 {
		fmt.Print(i)
	}
	fmt.Println()
	fmt.Println(slices.Collect(Take(Fib(), 5)))
	m := map[string]int{"x": 1, "y": 2}
	fmt.Println(slices.Sorted(maps.Keys(m)))
	next, stop := iter.Pull(Fib())
	defer stop()
	for i := 0; i < 3; i++ {
		v, ok := next()
		fmt.Print(v, ok, " ")
	}
	fmt.Println()
	for i, v := range slices.Backward([]int{1, 2, 3}) {
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println()
}
