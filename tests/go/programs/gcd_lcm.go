package main

import (
	"bufio"
	"fmt"
	"os"
)

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func main() {
	r := bufio.NewReader(os.Stdin)
	var t int
	fmt.Fscan(r, &t)
	for ; t > 0; t-- {
		var a, b int64
		fmt.Fscan(r, &a, &b)
		g := gcd(a, b)
		fmt.Printf("gcd=%d lcm=%d\n", g, a/g*b)
	}
}
