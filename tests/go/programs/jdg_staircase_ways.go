package main

import (
	"bufio"
	"fmt"
	"math/big"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	for {
		var n int
		if _, err := fmt.Fscan(r, &n); err != nil {
			break
		}
		ways := make([]*big.Int, n+3)
		ways[0], ways[1], ways[2] = big.NewInt(1), big.NewInt(1), big.NewInt(2)
		for i := 3; i <= n; i++ {
			ways[i] = new(big.Int).Add(ways[i-1], ways[i-2])
			ways[i].Add(ways[i], ways[i-3])
		}
		fmt.Println(n, ways[n])
	}
}
