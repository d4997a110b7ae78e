package main

import (
	"bufio"
	"fmt"
	"os"
)

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func main() {
	r := bufio.NewReader(os.Stdin)
	for {
		var y int
		if _, err := fmt.Fscan(r, &y); err != nil {
			break
		}
		fmt.Println(y, leap(y))
	}
}
