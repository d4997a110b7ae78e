package main

import (
	"bufio"
	"fmt"
	"os"
)

type pt struct{ r, c int }

func main() {
	sc := bufio.NewScanner(os.Stdin)
	var grid []string
	for sc.Scan() {
		if sc.Text() != "" {
			grid = append(grid, sc.Text())
		}
	}
	var start, end pt
	for r, row := range grid {
		for c, ch := range row {
			if ch == 'S' {
				start = pt{r, c}
			} else if ch == 'E' {
				end = pt{r, c}
			}
		}
	}
	dist := map[pt]int{start: 0}
	q := []pt{start}
	for len(q) > 0 {
		p := q[0]
		q = q[1:]
		for _, d := range []pt{{0, 1}, {1, 0}, {0, -1}, {-1, 0}} {
			n := pt{p.r + d.r, p.c + d.c}
			if n.r < 0 || n.c < 0 || n.r >= len(grid) || n.c >= len(grid[n.r]) || grid[n.r][n.c] == '#' {
				continue
			}
			if _, ok := dist[n]; !ok {
				dist[n] = dist[p] + 1
				q = append(q, n)
			}
		}
	}
	if d, ok := dist[end]; ok {
		fmt.Println("shortest path:", d)
	} else {
		fmt.Println("no path")
	}
	fmt.Println("reachable cells:", len(dist))
}
