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
	h := make([]int, n)
	for i := range h {
		fmt.Fscan(r, &h[i])
	}
	l, rr, lm, rm, water := 0, n-1, 0, 0, 0
	for l < rr {
		if h[l] < h[rr] {
			lm = max(lm, h[l])
			water += lm - h[l]
			l++
		} else {
			rm = max(rm, h[rr])
			water += rm - h[rr]
			rr--
		}
	}
	fmt.Println(water)
}
