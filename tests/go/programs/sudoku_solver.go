package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

var b [9][9]int

func ok(r, c, v int) bool {
	for i := 0; i < 9; i++ {
		if b[r][i] == v || b[i][c] == v || b[r/3*3+i/3][c/3*3+i%3] == v {
			return false
		}
	}
	return true
}

func solve() bool {
	for r := 0; r < 9; r++ {
		for c := 0; c < 9; c++ {
			if b[r][c] != 0 {
				continue
			}
			for v := 1; v <= 9; v++ {
				if ok(r, c, v) {
					b[r][c] = v
					if solve() {
						return true
					}
					b[r][c] = 0
				}
			}
			return false
		}
	}
	return true
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for r := 0; r < 9 && sc.Scan(); r++ {
		for c, ch := range strings.TrimSpace(sc.Text()) {
			if ch >= '1' && ch <= '9' {
				b[r][c] = int(ch - '0')
			}
		}
	}
	if !solve() {
		fmt.Println("no solution")
		return
	}
	for _, row := range b {
		fmt.Println(row)
	}
}
