package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var n, amount int
	fmt.Fscan(r, &n, &amount)
	coins := make([]int, n)
	for i := range coins {
		fmt.Fscan(r, &coins[i])
	}
	minCoins := make([]int, amount+1)
	ways := make([]int64, amount+1)
	ways[0] = 1
	for a := 1; a <= amount; a++ {
		minCoins[a] = 1 << 30
	}
	for _, c := range coins {
		for a := c; a <= amount; a++ {
			ways[a] += ways[a-c]
			minCoins[a] = min(minCoins[a], minCoins[a-c]+1)
		}
	}
	if minCoins[amount] >= 1<<30 {
		fmt.Println(-1, ways[amount])
	} else {
		fmt.Println(minCoins[amount], ways[amount])
	}
}
