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
	var q int
	fmt.Fscan(r, &q)
	var in, out []int
	for ; q > 0; q-- {
		var op int
		fmt.Fscan(r, &op)
		switch op {
		case 1:
			var x int
			fmt.Fscan(r, &x)
			in = append(in, x)
		case 2, 3:
			if len(out) == 0 {
				for len(in) > 0 {
					out = append(out, in[len(in)-1])
					in = in[:len(in)-1]
				}
			}
			if len(out) == 0 {
				fmt.Fprintln(w, "empty")
				continue
			}
			if op == 2 {
				out = out[:len(out)-1]
			} else {
				fmt.Fprintln(w, out[len(out)-1])
			}
		}
	}
}
