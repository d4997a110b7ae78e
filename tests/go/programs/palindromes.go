package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"unicode"
)

func isPal(s string) bool {
	var r []rune
	for _, c := range strings.ToLower(s) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			r = append(r, c)
		}
	}
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		if r[i] != r[j] {
			return false
		}
	}
	return true
}

func longestPal(s string) string {
	best := ""
	for c := 0; c < len(s); c++ {
		for _, w := range [2]int{0, 1} {
			l, r := c, c+w
			for l >= 0 && r < len(s) && s[l] == s[r] {
				l, r = l-1, r+1
			}
			if r-l-1 > len(best) {
				best = s[l+1 : r]
			}
		}
	}
	return best
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		fmt.Printf("%v %q\n", isPal(sc.Text()), longestPal(sc.Text()))
	}
}
