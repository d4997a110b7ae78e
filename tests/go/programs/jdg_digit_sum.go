package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	var s string
	for {
		if _, err := fmt.Fscan(r, &s); err != nil {
			break
		}
		sum := 0
		for _, c := range s {
			sum += int(c - '0')
		}
		root := sum
		for root >= 10 {
			t := 0
			for root > 0 {
				t += root % 10
				root /= 10
			}
			root = t
		}
		fmt.Println(s, sum, root)
	}
}
