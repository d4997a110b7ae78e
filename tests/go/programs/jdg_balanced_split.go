package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(r, &n)
	a := make([]int, n)
	total := 0
	for i := range a {
		fmt.Fscan(r, &a[i])
		total += a[i]
	}
	best, left := math.MaxInt, 0
	at := -1
	for i := 0; i < n-1; i++ {
		left += a[i]
		d := left - (total - left)
		if d < 0 {
			d = -d
		}
		if d < best {
			best, at = d, i
		}
	}
	fmt.Println(best, at)
}
