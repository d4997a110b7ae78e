package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	var prev, count int
	first := true
	for {
		var x int
		_, err := fmt.Fscan(r, &x)
		if err == nil && !first && x == prev {
			count++
			continue
		}
		if !first {
			fmt.Fprintf(w, "%dx%d ", count, prev)
		}
		if err != nil {
			break
		}
		prev, count, first = x, 1, false
	}
	fmt.Fprintln(w)
}
