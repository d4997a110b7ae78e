package main

import (
	"fmt"
	"sort"
)

func main() {
	var n int
	fmt.Scan(&n)
	a := make([]int, n)
	for i := range a {
		fmt.Scan(&a[i])
	}
	sort.Ints(a)
	s := 0
	for _, x := range a {
		s += x
	}
	fmt.Println(n, s, a[0], a[n-1])
}
