package main

import (
	"errors"
	"fmt"
	"math"
	"time"
)

type Inner struct {
	N int
	S []string
}
type Outer struct {
	Name  string
	In    Inner
	P     *Inner
	M     map[string]int
	I     interface{}
	F     float64
	B     []byte
	E     error
	unexp int
}
type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Color int

const (
	Red Color = iota
	Green
)

func (c Color) String() string { return [...]string{"Red", "Green"}[c] }

func main() {
	o := Outer{Name: "x", In: Inner{1, []string{"a", "b"}}, M: map[string]int{"z": 1, "a": 2, "m": 3}, I: 3.5, F: 1e21, B: []byte("hi"), E: errors.New("boom")}
	fmt.Printf("%v\n%+v\n", o, o)
	fmt.Printf("%#v\n", o.In)
	fmt.Printf("%T %T %T %T %T\n", o, o.P, o.M, o.I, o.E)
	fmt.Printf("%v %d %s %q %x %X % x %08b %o %O %#x %U %c\n", 42, 42, "s", "q\"\n", "hi", []byte{1, 171}, "abc", 5, 8, 8, 255, 0x1F600, 'G')
	fmt.Printf("%q %q %+q %#q\n", 'x', "日本", "日本", "back`tick")
	fmt.Printf("|%6.2f|%-8.3f|%+.1e|%g|%G|%.3g|%10.4v|%e|\n", math.Pi, math.E, 12345.678, 1e-7, 1e21, 123456.0, math.Pi, 0.0)
	fmt.Printf("%v %v %v %v %v %.2f\n", math.Inf(1), math.Inf(-1), math.NaN(), -0.0, float32(0.1), math.Copysign(0, -1))
	fmt.Printf("%5s|%-5s|%.2s|%5.1s|%05d|%-05d|%x|%t\n", "ab", "ab", "abcdef", "xyz", -42, 42, -255, true)
	fmt.Printf("%v %s %d\n", Celsius(21.55), Celsius(-3), Red)
	fmt.Printf("%v %v %+v\n", Green, []Color{Red, Green}, map[Color]Celsius{Green: 1, Red: 2})
	fmt.Printf("%v %v %v\n", []interface{}{1, "a", nil, 2.5}, [3]bool{true}, struct{ A, B int }{1, 2})
	fmt.Printf("%p\n", nil)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n")
	fmt.Printf("%[2]d %[1]d %*d %.*f\n", 1, 2, 5, 3, 2, math.Pi)
	fmt.Println(3.0, 1e6, 1e21, 1e-5, 123456789.0, float32(1)/3, 2.5e-310, int64(-1)<<63, uint64(1)<<63)
	fmt.Println(time.Duration(1500)*time.Millisecond, 90*time.Second, time.Duration(0), 36*time.Hour+time.Nanosecond, -2*time.Microsecond)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0, nil), fmt.Sprintln("x", 1), fmt.Sprint(nil, nil))
	var np *Inner
	var ni interface{}
	var nm map[string]int
	var ns []int
	fmt.Println(np, ni, nm, ns, nm == nil, ns == nil, len(nm))
	fmt.Printf("%v %+v %#v %#v %#v\n", np, ni, nm, ns, []string{})
	fmt.Printf("%v %x %X %s\n", [][]int{{1, 2}, {3}}, "héllo", []string{"ab", "cd"}, []byte(nil))
	fmt.Printf("%6.2v|%v|%v\n", "abc", complex(1, -2), 'a')
	type pair struct {
		K string
		V *int
	}
	v := 7
	fmt.Printf("%+v\n", []pair{{"a", nil}})
	_ = v
	fmt.Printf("%v %v\n", errors.Join(errors.New("e1"), errors.New("e2")), fmt.Errorf("wrap: %w", errors.New("inner")))
}
