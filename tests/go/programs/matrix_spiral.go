package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var n, m int
	fmt.Fscan(r, &n, &m)
	a := make([][]int, n)
	for i := range a {
		a[i] = make([]int, m)
		for j := range a[i] {
			fmt.Fscan(r, &a[i][j])
		}
	}
	top, bot, left, right := 0, n-1, 0, m-1
	var out []int
	for top <= bot && left <= right {
		for j := left; j <= right; j++ {
			out = append(out, a[top][j])
		}
		top++
		for i := top; i <= bot; i++ {
			out = append(out, a[i][right])
		}
		right--
		if top <= bot {
			for j := right; j >= left; j-- {
				out = append(out, a[bot][j])
			}
			bot--
		}
		if left <= right {
			for i := bot; i >= top; i-- {
				out = append(out, a[i][left])
			}
			left++
		}
	}
	fmt.Println(out)
	t := make([][]int, m)
	for j := range t {
		t[j] = make([]int, n)
		for i := range a {
			t[j][i] = a[i][j]
		}
	}
	fmt.Println(t)
}
