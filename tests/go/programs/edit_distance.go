package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func dist(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		parts := strings.Fields(sc.Text())
		if len(parts) == 2 {
			fmt.Printf("%s -> %s: %d\n", parts[0], parts[1], dist([]rune(parts[0]), []rune(parts[1])))
		}
	}
}
