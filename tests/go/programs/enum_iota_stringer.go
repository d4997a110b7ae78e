package main

import (
	"fmt"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
)

func (d Weekday) String() string {
	return [...]string{"Sun", "Mon", "Tue", "Wed"}[d]
}

type Size uint

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
)

type Flags uint8

const (
	Read Flags = 1 << iota
	Write
	Exec
)

func (f Flags) String() string {
	s := ""
	for i, n := range []string{"r", "w", "x"} {
		if f&(1<<i) != 0 {
			s += n
		} else {
			s += "-"
		}
	}
	return s
}

func main() {
	fmt.Println(Sunday, Wednesday, Monday+1, []Weekday{0, 2})
	fmt.Printf("%v %d %s\n", Tuesday, Tuesday, Tuesday)
	fmt.Println(KB, MB, GB)
	fmt.Println(Read|Exec, Write, Flags(7), Flags(0))
}
