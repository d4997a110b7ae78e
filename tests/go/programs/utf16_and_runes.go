package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

func main() {
	s := "a😀b"
	u := utf16.Encode([]rune(s))
	fmt.Println(u, len(u), string(utf16.Decode(u)), utf16.IsSurrogate(rune(u[1])))
	for i := 0; i < len(s); i++ {
		fmt.Printf("%02x ", s[i])
	}
	fmt.Println()
	fmt.Println(unicode.IsUpper('Ä'), unicode.ToLower('Ä') == 'ä', string(unicode.ToTitle('ǆ')), unicode.Is(unicode.Han, '中'))
	fmt.Println(strings.ToUpper("straße"), strings.EqualFold("Straße", "STRASSE"), len("é"), len([]rune("é")))
	bad := string([]byte{0xff, 'a'})
	for _, r := range bad {
		fmt.Print(r == utf8.RuneError, " ")
	}
	fmt.Println(strings.ToValidUTF8(bad, "?"))
}
