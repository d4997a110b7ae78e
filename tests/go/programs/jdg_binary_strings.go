package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	var n int
	fmt.Fscan(bufio.NewReader(os.Stdin), &n)
	var out []string
	var gen func(prefix string, lastOne bool)
	gen = func(prefix string, lastOne bool) {
		if len(prefix) == n {
			out = append(out, prefix)
			return
		}
		gen(prefix+"0", false)
		if !lastOne {
			gen(prefix+"1", true)
		}
	}
	gen("", false)
	fmt.Println(len(out))
	fmt.Println(strings.Join(out, " "))
}
