package main

import (
	"fmt"
)

func main() {
	a := []int{1, 2, 3}
	idx := 5
	fmt.Println("len", len(a))
	fmt.Println(a[idx])
}
