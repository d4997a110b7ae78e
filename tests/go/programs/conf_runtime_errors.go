package main

import (
	"fmt"
	"strconv"
)

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: %v (%T)\n", name, r, r)
		}
	}()
	f()
}

type T struct{ x int }

func main() {
	var z int
	try("div", func() { fmt.Println(10 / z) })
	try("index", func() { s := []int{1}; i := 3; fmt.Println(s[i]) })
	try("slice", func() { s := make([]int, 2, 4); a, b := 3, 1; fmt.Println(s[a:b]) })
	try("slicecap", func() { s := make([]int, 2, 4); a := 5; fmt.Println(s[:a]) })
	try("nilmap", func() { var m map[int]int; m[1] = 2 })
	try("nilptr", func() { var p *T; fmt.Println(p.x) })
	try("assert", func() { var i interface{} = "s"; fmt.Println(i.(int)) })
	try("assert2", func() { var i interface{}; fmt.Println(i.(fmt.Stringer)) })
	try("closed", func() { c := make(chan int); close(c); close(c) })
	try("sendclosed", func() { c := make(chan int, 1); close(c); c <- 1 })
	try("conv", func() { s := []int{1, 2}; _ = [3]int(s) })
	try("neg", func() { n := -1; _ = make([]int, n) })
	try("custom", func() { panic(fmt.Errorf("err %d", 1)) })
	_, err := strconv.Atoi("12a")
	fmt.Println(err)
	_, err = strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Println(err)
	_, err = strconv.ParseFloat("1e400", 64)
	fmt.Println(err)
	f, _ := strconv.ParseFloat("0.1", 32)
	fmt.Println(f, strconv.FormatFloat(1.0/3, 'f', -1, 32), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.Quote("tab\t☺\x00"), strconv.QuoteToASCII("☺"), strconv.Itoa(-0))
	var arr [5]int
	idx := 10
	fmt.Println(arr[idx%5])
	fmt.Println(arr[idx])
}
