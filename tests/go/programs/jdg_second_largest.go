package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(r, &n)
	set := map[int]bool{}
	for i := 0; i < n; i++ {
		var x int
		fmt.Fscan(r, &x)
		set[x] = true
	}
	var u []int
	for k := range set {
		u = append(u, k)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(u)))
	if len(u) < 2 {
		fmt.Println("none")
		return
	}
	fmt.Println(u[1])
}
