package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var name string
		var x, y int
		var f float64
		n, err := fmt.Sscanf(sc.Text(), "%s at (%d,%d) weight %f", &name, &x, &y, &f)
		if err != nil {
			fmt.Println("parsed", n, "error:", err)
			continue
		}
		fmt.Printf("%s: %d+%d=%d %.2f\n", name, x, y, x+y, f)
	}
	var a, b int
	var op string
	fmt.Sscan("7 * 6", &a, &op, &b)
	fmt.Println(a, op, b)
	var h, m int
	fmt.Sscanf("09:45", "%d:%d", &h, &m)
	fmt.Println(h*60 + m)
}
