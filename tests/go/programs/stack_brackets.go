package main

import (
	"bufio"
	"fmt"
	"os"
)

func balanced(s string) bool {
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	var st []rune
	for _, c := range s {
		switch c {
		case '(', '[', '{':
			st = append(st, c)
		case ')', ']', '}':
			if len(st) == 0 || st[len(st)-1] != pairs[c] {
				return false
			}
			st = st[:len(st)-1]
		}
	}
	return len(st) == 0
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		if balanced(sc.Text()) {
			fmt.Println("YES")
		} else {
			fmt.Println("NO")
		}
	}
}
