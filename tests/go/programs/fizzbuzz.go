package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	var sb strings.Builder
	for i := 1; i <= 30; i++ {
		switch {
		case i%15 == 0:
			sb.WriteString("FizzBuzz")
		case i%3 == 0:
			sb.WriteString("Fizz")
		case i%5 == 0:
			sb.WriteString("Buzz")
		default:
			sb.WriteString(strconv.Itoa(i))
		}
		sb.WriteByte('\n')
	}
	fmt.Print(sb.String())
}
