package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func step(g []string) []string {
	h, w := len(g), len(g[0])
	out := make([]string, h)
	for r := 0; r < h; r++ {
		var sb strings.Builder
		for c := 0; c < w; c++ {
			n := 0
			for dr := -1; dr <= 1; dr++ {
				for dc := -1; dc <= 1; dc++ {
					if dr == 0 && dc == 0 {
						continue
					}
					rr, cc := (r+dr+h)%h, (c+dc+w)%w
					if g[rr][cc] == '#' {
						n++
					}
				}
			}
			if n == 3 || (n == 2 && g[r][c] == '#') {
				sb.WriteByte('#')
			} else {
				sb.WriteByte('.')
			}
		}
		out[r] = sb.String()
	}
	return out
}

func main() {
	var g []string
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		g = append(g, sc.Text())
	}
	for gen := 0; gen < 4; gen++ {
		g = step(g)
	}
	fmt.Println(strings.Join(g, "\n"))
}
