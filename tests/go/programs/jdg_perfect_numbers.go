package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	var limit int
	fmt.Fscan(bufio.NewReader(os.Stdin), &limit)
	sums := make([]int, limit+1)
	for d := 1; d <= limit/2; d++ {
		for m := 2 * d; m <= limit; m += d {
			sums[m] += d
		}
	}
	var perfect, amicable []int
	for n := 2; n <= limit; n++ {
		if sums[n] == n {
			perfect = append(perfect, n)
		} else if s := sums[n]; s <= limit && s > n && sums[s] == n {
			amicable = append(amicable, n, s)
		}
	}
	fmt.Println(perfect, amicable)
}
