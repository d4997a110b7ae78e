package main

import (
	"bufio"
	"fmt"
	"os"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		s := sc.Text()
		var letters, digits, spaces, other int
		for _, r := range s {
			switch {
			case unicode.IsLetter(r):
				letters++
			case unicode.IsDigit(r):
				digits++
			case unicode.IsSpace(r):
				spaces++
			default:
				other++
			}
		}
		fmt.Printf("%q bytes=%d runes=%d L=%d D=%d S=%d O=%d rev=%q valid=%v\n", s, len(s),
			utf8.RuneCountInString(s), letters, digits, spaces, other, reverse(s), utf8.ValidString(s))
	}
	for i, r := range "aé中😀" {
		fmt.Printf("%d:%c:%U:%d ", i, r, r, utf8.RuneLen(r))
	}
	fmt.Println()
	b := []byte("€x")
	r, size := utf8.DecodeRune(b)
	fmt.Println(string(r), size, string(utf8.AppendRune(nil, 'ß')), string(rune(65)))
}
