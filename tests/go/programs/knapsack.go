package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var n, cap int
	fmt.Fscan(r, &n, &cap)
	dp := make([]int, cap+1)
	for i := 0; i < n; i++ {
		var w, v int
		fmt.Fscan(r, &w, &v)
		for c := cap; c >= w; c-- {
			dp[c] = max(dp[c], dp[c-w]+v)
		}
	}
	fmt.Println(dp[cap])
}
