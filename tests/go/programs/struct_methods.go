package main

import (
	"fmt"
	"math"
)

type Point struct{ X, Y float64 }

func (p Point) Dist(q Point) float64 { return math.Hypot(q.X-p.X, q.Y-p.Y) }
func (p *Point) Scale(f float64)      { p.X *= f; p.Y *= f }
func (p Point) String() string        { return fmt.Sprintf("(%.1f, %.1f)", p.X, p.Y) }

type Rect struct {
	Min, Max Point
	Label    string
}

func (r Rect) Area() float64 { return (r.Max.X - r.Min.X) * (r.Max.Y - r.Min.Y) }

func main() {
	p := Point{1, 2}
	q := Point{4, 6}
	fmt.Println(p, q, p.Dist(q))
	p.Scale(3)
	fmt.Println(p)
	r := Rect{Min: Point{0, 0}, Max: Point{3, 4}, Label: "box"}
	fmt.Printf("%v %+v %.2f\n", r, r, r.Area())
	rs := []Rect{r, {Point{1, 1}, Point{2, 5}, "tall"}}
	for i := range rs {
		rs[i].Max.Scale(2)
	}
	fmt.Println(rs)
	type pair struct {
		a int
		b string
	}
	fmt.Println(pair{1, "x"} == pair{1, "x"}, pair{} == pair{b: ""})
}
