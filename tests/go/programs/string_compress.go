package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"
)

func encode(s string) string {
	var sb strings.Builder
	r := []rune(s)
	for i := 0; i < len(r); {
		j := i
		for j < len(r) && r[j] == r[i] {
			j++
		}
		if j-i > 1 {
			sb.WriteString(strconv.Itoa(j - i))
		}
		sb.WriteRune(r[i])
		i = j
	}
	return sb.String()
}

func decode(s string) string {
	var sb strings.Builder
	n := 0
	for _, c := range s {
		if unicode.IsDigit(c) {
			n = n*10 + int(c-'0')
			continue
		}
		sb.WriteString(strings.Repeat(string(c), max(n, 1)))
		n = 0
	}
	return sb.String()
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		e := encode(sc.Text())
		fmt.Printf("%q -> %q -> ok=%v\n", sc.Text(), e, decode(e) == sc.Text())
	}
}
