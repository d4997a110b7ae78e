package main

import (
	"fmt"
)

func main() {
	fmt.Println("about to block")
	ch := make(chan int)
	ch <- 1
	fmt.Println("never")
}
