package main

import "fmt"

type T struct {
	A int
	B string
	C []float64
	D map[string]int
	E *int
}

func main() {
	n := 7
	t := T{1, "x", []float64{1.5, 2}, map[string]int{"k": 1, "a": 2}, nil}
	fmt.Printf("%v\n%+v\n", t, t)
	fmt.Printf("%d %5d %-5d| %05d %x %X %o %b %c %q %U\n", 42, 42, 42, 42, 255, 255, 8, 5, 'G', 'G', 'G')
	fmt.Printf("%f %.2f %8.3f %e %E %g %g %g\n", 3.14159, 3.14159, 3.14159, 123456.789, 0.000123, 1e21, 1e-7, 100.0)
	fmt.Printf("%s %q %10s|%-10s| %x % x %.3s\n", "go", "go\n", "right", "left", "hi", "hi", "abcdef")
	fmt.Printf("%t %v %p\n", true, nil, nil)
	fmt.Printf("%T %T %T %T %T\n", t, &n, []string{}, map[int]bool{}, fmt.Printf)
	fmt.Printf("%6.2f%%\n", 12.345)
	fmt.Printf("%*d|%-*d|\n", 6, 12, 4, 3)
	fmt.Printf("%[2]d %[1]d %d\n", 10, 20)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%v %v\n", [3]int{1, 2, 3}, []byte("ab"))
	fmt.Printf("%x %X\n", []byte{1, 171}, "hello")
	fmt.Printf("%+d %+.1f % d\n", 5, 2.0, 7)
	fmt.Printf("%#v\n", t)
	fmt.Printf("%#x %#o %#q\n", 255, 8, "back`tick")
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0), fmt.Sprintln("x", 1))
	var ip *int
	var e error
	fmt.Println(ip, e, []int(nil), map[string]int(nil))
	fmt.Printf("%v %.2v %5.1v\n", 1+2i, 3.14159, "abc")
}
