package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func shift(s string, k int) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+rune(k)+26)%26
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+rune(k)+26)%26
		}
		return r
	}, s)
}

func main() {
	r := bufio.NewReader(os.Stdin)
	var k int
	fmt.Fscanln(r, &k)
	text, _ := r.ReadString('\n')
	text = strings.TrimRight(text, "\n")
	enc := shift(text, k)
	fmt.Println(enc)
	fmt.Println(shift(enc, -k))
	freq := [26]int{}
	for _, c := range strings.ToLower(text) {
		if c >= 'a' && c <= 'z' {
			freq[c-'a']++
		}
	}
	fmt.Println(freq)
}
