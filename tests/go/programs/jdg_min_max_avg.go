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
	mn, mx, sum := math.MaxInt, math.MinInt, 0
	for i := 0; i < n; i++ {
		var x int
		fmt.Fscan(r, &x)
		mn, mx, sum = min(mn, x), max(mx, x), sum+x
	}
	fmt.Printf("%d %d %.3f\n", mn, mx, float64(sum)/float64(n))
}
