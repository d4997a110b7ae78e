package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never printed")
	fmt.Print("partial line")
	fmt.Fprintln(os.Stderr, "error: invalid input")
	os.Exit(3)
}
