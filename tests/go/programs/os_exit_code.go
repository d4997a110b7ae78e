package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	n := 0
	for sc.Scan() {
		n++
	}
	fmt.Println("lines:", n)
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "flushed before exit")
	w.Flush()
	fmt.Fprintln(os.Stderr, "exiting with", n)
	os.Exit(n)
}
