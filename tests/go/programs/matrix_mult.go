package main

import (
	"bufio"
	"fmt"
	"os"
)

func read(r *bufio.Reader) [][]int {
	var n, m int
	fmt.Fscan(r, &n, &m)
	a := make([][]int, n)
	for i := range a {
		a[i] = make([]int, m)
		for j := range a[i] {
			fmt.Fscan(r, &a[i][j])
		}
	}
	return a
}

func main() {
	r := bufio.NewReader(os.Stdin)
	a, b := read(r), read(r)
	for i := range a {
		for j := range b[0] {
			s := 0
			for k := range b {
				s += a[i][k] * b[k][j]
			}
			if j > 0 {
				fmt.Print(" ")
			}
			fmt.Print(s)
		}
		fmt.Println()
	}
}
