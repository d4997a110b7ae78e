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
	best, cur, start, bs, be := -1<<62, 0, 0, 0, 0
	for i := 0; i < n; i++ {
		var x int
		fmt.Fscan(r, &x)
		if cur <= 0 {
			cur, start = x, i
		} else {
			cur += x
		}
		if cur > best {
			best, bs, be = cur, start, i
		}
	}
	fmt.Println(best, bs, be)
}
