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
	lowest, best, multi := 1<<62, 0, 0
	prev := -1
	for i := 0; i < n; i++ {
		var p int
		fmt.Fscan(r, &p)
		lowest = min(lowest, p)
		best = max(best, p-lowest)
		if prev >= 0 && p > prev {
			multi += p - prev
		}
		prev = p
	}
	fmt.Println(best, multi)
}
