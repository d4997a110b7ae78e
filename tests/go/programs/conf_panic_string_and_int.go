package main

import "fmt"

func main() {
	fmt.Println("start")
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(fmt.Sprintf("re-panic %d", 42))
	}()
	var m map[string]int
	m["x"] = 1
}
