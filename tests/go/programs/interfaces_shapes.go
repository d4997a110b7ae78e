package main

import (
	"fmt"
	"math"
	"sort"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Circle struct{ R float64 }
type Square struct{ S float64 }
type Triangle struct{ A, B, C float64 }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (s Square) Area() float64      { return s.S * s.S }
func (s Square) Perimeter() float64 { return 4 * s.S }
func (t Triangle) Perimeter() float64 { return t.A + t.B + t.C }
func (t Triangle) Area() float64 {
	s := t.Perimeter() / 2
	return math.Sqrt(s * (s - t.A) * (s - t.B) * (s - t.C))
}
func (c Circle) String() string { return fmt.Sprintf("Circle(r=%g)", c.R) }

func main() {
	shapes := []Shape{Square{3}, Circle{1.5}, Triangle{3, 4, 5}, Circle{0.5}}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		switch v := s.(type) {
		case Circle:
			fmt.Printf("%v area=%.3f\n", v, v.Area())
		case Square:
			fmt.Printf("square side %g perim %.1f\n", v.S, v.Perimeter())
		default:
			fmt.Printf("%T %+v %.2f\n", v, v, v.Area())
		}
	}
	fmt.Printf("total %.4f\n", total)
	var s fmt.Stringer = Circle{2}
	_, ok := s.(Shape)
	fmt.Println(s, ok)
}
