package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"unicode"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1024*1024), 4*1024*1024)
	lines := 0
	maxLen := 0
	words := map[string]int{}
	for sc.Scan() {
		line := sc.Text()
		lines++
		if len(line) > maxLen {
			maxLen = len(line)
		}
		for _, w := range strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) }) {
			words[strings.ToLower(w)]++
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Println("err:", err)
	}
	fmt.Println(lines, maxLen, len(words), words["alpha"], words["日本"])
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for i := 0; i < 5; i++ {
		fmt.Fprintf(w, "%d:%s\n", i, strings.Repeat("ab", i))
	}
}
