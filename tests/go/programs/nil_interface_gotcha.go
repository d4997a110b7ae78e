package main

import (
	"fmt"
)

type MyErr struct{}

func (*MyErr) Error() string { return "my error" }

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{}
	}
	return p
}

func realNil(fail bool) error {
	if fail {
		return &MyErr{}
	}
	return nil
}

func main() {
	fmt.Println(mayFail(false) == nil, realNil(false) == nil, realNil(true))
	var i interface{}
	fmt.Println(i == nil, fmt.Sprintf("%v %T", i, i))
	var sl []int
	fmt.Println(sl == nil, len(sl), sl)
	sl = append(sl, 1)
	var m map[string]int
	fmt.Println(m["missing"], len(m), m == nil)
	var ch chan int
	fmt.Println(ch == nil)
	var f func()
	fmt.Println(f == nil)
}
