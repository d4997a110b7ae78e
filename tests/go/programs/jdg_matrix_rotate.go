package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(r, &n)
	a := make([][]int, n)
	for i := range a {
		a[i] = make([]int, n)
		for j := range a[i] {
			fmt.Fscan(r, &a[i][j])
		}
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a[i][j], a[j][i] = a[j][i], a[i][j]
		}
	}
	for _, row := range a {
		for l, rr := 0, n-1; l < rr; l, rr = l+1, rr-1 {
			row[l], row[rr] = row[rr], row[l]
		}
		fmt.Println(row)
	}
}
