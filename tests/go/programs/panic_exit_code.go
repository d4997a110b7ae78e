package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("before")
	defer fmt.Println("deferred runs before the panic ends the program")
	if len(os.Args) > 0 {
		panic(fmt.Sprintf("bad input: %d", 42))
	}
}
