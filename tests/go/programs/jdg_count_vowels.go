package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		n := 0
		for _, c := range strings.ToLower(sc.Text()) {
			if strings.ContainsRune("aeiou", c) {
				n++
			}
		}
		fmt.Println(n)
	}
}
