package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	counts := map[int]int{}
	r := bufio.NewReader(os.Stdin)
	for {
		var x int
		if _, err := fmt.Fscan(r, &x); err != nil {
			break
		}
		counts[x/10*10]++
	}
	keys := make([]int, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		fmt.Printf("%3d-%-3d|%s %d\n", k, k+9, strings.Repeat("*", counts[k]), counts[k])
	}
}
