package main

import (
	"cmp"
	"fmt"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func MaxOf[T cmp.Ordered](xs ...T) T {
	m := xs[0]
	for _, x := range xs[1:] {
		m = max(m, x)
	}
	return m
}

type Celsius float64

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{0.5, 0.25}), Sum([]Celsius{10, 20.5}))
	words := []string{"go", "rust", "zig", "python"}
	fmt.Println(Map(words, strings.ToUpper), Map(words, func(s string) int { return len(s) }))
	fmt.Println(Filter(words, func(s string) bool { return len(s) > 2 }))
	fmt.Println(MaxOf(3, 9, 2), MaxOf("pear", "apple"), MaxOf(1.5, -2.0))
}
