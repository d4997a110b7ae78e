package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var xs []float64
	for {
		var x float64
		if _, err := fmt.Fscan(r, &x); err != nil {
			break
		}
		xs = append(xs, x)
	}
	sort.Float64s(xs)
	n := len(xs)
	med := xs[n/2]
	if n%2 == 0 {
		med = (xs[n/2-1] + xs[n/2]) / 2
	}
	counts := map[float64]int{}
	mode, best := xs[0], 0
	for _, x := range xs {
		counts[x]++
		if counts[x] > best {
			mode, best = x, counts[x]
		}
	}
	fmt.Println(n, med, mode, best, xs[0], xs[n-1])
}
