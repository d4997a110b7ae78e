package main

import (
	"bufio"
	"fmt"
	"os"
)
import "sort"

func main() {
	r := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(r, &n)
	var tails []int
	for i := 0; i < n; i++ {
		var x int
		fmt.Fscan(r, &x)
		j := sort.SearchInts(tails, x)
		if j == len(tails) {
			tails = append(tails, x)
		} else {
			tails[j] = x
		}
	}
	fmt.Println(len(tails), tails)
}
