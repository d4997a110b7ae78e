package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func key(s string) [26]int {
	var k [26]int
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' {
			k[c-'a']++
		}
	}
	return k
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		a, b, _ := strings.Cut(sc.Text(), "|")
		fmt.Println(key(a) == key(b))
	}
}
