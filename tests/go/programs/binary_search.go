package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	var n, q int
	fmt.Fscan(r, &n, &q)
	a := make([]int, n)
	for i := range a {
		fmt.Fscan(r, &a[i])
	}
	sort.Ints(a)
	for ; q > 0; q-- {
		var x int
		fmt.Fscan(r, &x)
		i := sort.SearchInts(a, x)
		if i < n && a[i] == x {
			fmt.Fprintln(w, "found at", i)
		} else {
			fmt.Fprintln(w, "insert at", i)
		}
	}
}
