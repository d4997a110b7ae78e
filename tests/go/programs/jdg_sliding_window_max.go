package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var n, k int
	fmt.Fscan(r, &n, &k)
	a := make([]int, n)
	for i := range a {
		fmt.Fscan(r, &a[i])
	}
	var dq, out []int
	for i, v := range a {
		for len(dq) > 0 && a[dq[len(dq)-1]] <= v {
			dq = dq[:len(dq)-1]
		}
		dq = append(dq, i)
		if dq[0] <= i-k {
			dq = dq[1:]
		}
		if i >= k-1 {
			out = append(out, a[dq[0]])
		}
	}
	fmt.Println(out)
}
