package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	var g [][]byte
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		g = append(g, []byte(sc.Text()))
	}
	var fill func(r, c int) int
	fill = func(r, c int) int {
		if r < 0 || r >= len(g) || c < 0 || c >= len(g[r]) || g[r][c] != '1' {
			return 0
		}
		g[r][c] = '0'
		return 1 + fill(r+1, c) + fill(r-1, c) + fill(r, c+1) + fill(r, c-1)
	}
	var sizes []int
	for r := range g {
		for c := range g[r] {
			if s := fill(r, c); s > 0 {
				sizes = append(sizes, s)
			}
		}
	}
	fmt.Println(len(sizes), sizes)
}
