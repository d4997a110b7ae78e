package main

import (
	"bufio"
	"fmt"
	"os"
)

func gcd(a, b int) int {
	if b == 0 {
		return a
	}
	return gcd(b, a%b)
}

func main() {
	r := bufio.NewReader(os.Stdin)
	var n int
	fmt.Fscan(r, &n)
	g := 0
	for i := 0; i < n; i++ {
		var x int
		fmt.Fscan(r, &x)
		g = gcd(g, x)
	}
	fmt.Println(g)
}
