package main

import (
	"bufio"
	"fmt"
	"math/big"
	"os"
)

func main() {
	var n int
	fmt.Fscan(bufio.NewReader(os.Stdin), &n)
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	s := a.String()
	fmt.Println(len(s), s[:20], s[len(s)-20:])
}
