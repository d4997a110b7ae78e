package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	var n int
	fmt.Fscan(bufio.NewReader(os.Stdin), &n)
	var res []string
	var rec func(s []byte, open, closed int)
	rec = func(s []byte, open, closed int) {
		if len(s) == 2*n {
			res = append(res, string(s))
			return
		}
		if open < n {
			rec(append(s, '('), open+1, closed)
		}
		if closed < open {
			rec(append(s, ')'), open, closed+1)
		}
	}
	rec(make([]byte, 0, 2*n), 0, 0)
	fmt.Println(len(res), res)
}
