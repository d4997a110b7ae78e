package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

type iv struct{ s, e int }

func main() {
	r := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(r, &n)
	a := make([]iv, n)
	for i := range a {
		fmt.Fscan(r, &a[i].s, &a[i].e)
	}
	sort.Slice(a, func(i, j int) bool { return a[i].s < a[j].s })
	var out []iv
	for _, x := range a {
		if len(out) > 0 && x.s <= out[len(out)-1].e {
			out[len(out)-1].e = max(out[len(out)-1].e, x.e)
		} else {
			out = append(out, x)
		}
	}
	covered := 0
	for _, x := range out {
		fmt.Printf("[%d,%d] ", x.s, x.e)
		covered += x.e - x.s
	}
	fmt.Println("\ncovered", covered)
}
