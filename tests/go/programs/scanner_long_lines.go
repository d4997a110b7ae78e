package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1024), 1<<20)
	total := 0
	for sc.Scan() {
		line := sc.Text()
		total += len(line)
		fmt.Println(len(line), strings.Count(line, "ab"))
	}
	fmt.Println("total", total, sc.Err())
	small := bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100) + "\n"))
	small.Buffer(make([]byte, 10), 20)
	for small.Scan() {
		fmt.Println("never")
	}
	fmt.Println(small.Err())
}
