package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var n, target int
	fmt.Fscan(r, &n, &target)
	a := make([]int, n)
	for i := range a {
		fmt.Fscan(r, &a[i])
	}
	seen := map[int]int{}
	for i, v := range a {
		if j, ok := seen[target-v]; ok {
			fmt.Println(j, i)
			return
		}
		seen[v] = i
	}
	fmt.Println(-1)
}
