package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var t int
	fmt.Fscan(r, &t)
	for ; t > 0; t-- {
		s := make([]int, 3)
		fmt.Fscan(r, &s[0], &s[1], &s[2])
		sort.Ints(s)
		switch {
		case s[0]+s[1] <= s[2]:
			fmt.Println("invalid")
		case s[0] == s[2]:
			fmt.Println("equilateral")
		case s[0] == s[1] || s[1] == s[2]:
			fmt.Println("isosceles")
		case s[0]*s[0]+s[1]*s[1] == s[2]*s[2]:
			fmt.Println("right")
		default:
			fmt.Println("scalene")
		}
	}
}
