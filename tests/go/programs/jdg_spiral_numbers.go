package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	var n int
	fmt.Fscan(bufio.NewReader(os.Stdin), &n)
	g := make([][]int, n)
	for i := range g {
		g[i] = make([]int, n)
	}
	dr, dc := []int{0, 1, 0, -1}, []int{1, 0, -1, 0}
	r, c, d := 0, 0, 0
	for k := 1; k <= n*n; k++ {
		g[r][c] = k
		nr, nc := r+dr[d], c+dc[d]
		if nr < 0 || nr >= n || nc < 0 || nc >= n || g[nr][nc] != 0 {
			d = (d + 1) % 4
			nr, nc = r+dr[d], c+dc[d]
		}
		r, c = nr, nc
	}
	for _, row := range g {
		for _, v := range row {
			fmt.Printf("%3d", v)
		}
		fmt.Println()
	}
}
