package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		s := sc.Text()
		last := map[rune]int{}
		best, bestStart, start := 0, 0, 0
		r := []rune(s)
		for i, c := range r {
			if j, ok := last[c]; ok && j >= start {
				start = j + 1
			}
			last[c] = i
			if i-start+1 > best {
				best, bestStart = i-start+1, start
			}
		}
		fmt.Printf("%d %q\n", best, string(r[bestStart:bestStart+best]))
	}
}
