package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

var ones = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
var tens = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}

func words(n int) string {
	switch {
	case n < 0:
		return "minus " + words(-n)
	case n < 20:
		return ones[n]
	case n < 100:
		if n%10 == 0 {
			return tens[n/10]
		}
		return tens[n/10] + "-" + ones[n%10]
	case n < 1000:
		if n%100 == 0 {
			return ones[n/100] + " hundred"
		}
		return ones[n/100] + " hundred and " + words(n%100)
	}
	for _, u := range []struct {
		v    int
		name string
	}{{1e9, "billion"}, {1e6, "million"}, {1e3, "thousand"}} {
		if n >= u.v {
			s := words(n/u.v) + " " + u.name
			if n%u.v != 0 {
				s += " " + words(n%u.v)
			}
			return s
		}
	}
	return ""
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var n int
		fmt.Sscan(sc.Text(), &n)
		w := words(n)
		fmt.Printf("%d: %s (%d letters)\n", n, w, len(strings.ReplaceAll(strings.ReplaceAll(w, " ", ""), "-", "")))
	}
}
