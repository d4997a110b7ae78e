package main

import "fmt"

func main() {
	fmt.Println("before")
	ch := make(chan int)
	ch <- 1
	fmt.Println("after")
}
