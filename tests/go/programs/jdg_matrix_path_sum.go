package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var n, m int
	fmt.Fscan(r, &n, &m)
	dp := make([][]int, n)
	for i := range dp {
		dp[i] = make([]int, m)
		for j := range dp[i] {
			fmt.Fscan(r, &dp[i][j])
			switch {
			case i == 0 && j == 0:
			case i == 0:
				dp[i][j] += dp[i][j-1]
			case j == 0:
				dp[i][j] += dp[i-1][j]
			default:
				dp[i][j] += min(dp[i-1][j], dp[i][j-1])
			}
		}
	}
	fmt.Println(dp[n-1][m-1])
}
