package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func factor(n int64) []string {
	var out []string
	for p := int64(2); p*p <= n; p++ {
		e := 0
		for n%p == 0 {
			n /= p
			e++
		}
		if e == 1 {
			out = append(out, fmt.Sprint(p))
		} else if e > 1 {
			out = append(out, fmt.Sprintf("%d^%d", p, e))
		}
	}
	if n > 1 {
		out = append(out, fmt.Sprint(n))
	}
	return out
}

func main() {
	r := bufio.NewReader(os.Stdin)
	for {
		var n int64
		if _, err := fmt.Fscan(r, &n); err != nil {
			break
		}
		fmt.Println(n, "=", strings.Join(factor(n), " * "))
	}
}
