package main

import (
	"fmt"
	"sort"
	"strings"
)

type Op func(float64, float64) float64

type Calculator struct{ ops map[string]Op }

func (c Calculator) Apply(name string, a, b float64) (float64, bool) {
	f, ok := c.ops[name]
	if !ok {
		return 0, false
	}
	return f(a, b), true
}

type Temp float64

func (t Temp) F() float64 { return float64(t)*9/5 + 32 }

func apply(xs []string, fs ...func(string) string) []string {
	out := append([]string(nil), xs...)
	for _, f := range fs {
		for i := range out {
			out[i] = f(out[i])
		}
	}
	return out
}

func main() {
	c := Calculator{map[string]Op{
		"add": func(a, b float64) float64 { return a + b },
		"pow": func(a, b float64) float64 {
			r := 1.0
			for i := 0; i < int(b); i++ {
				r *= a
			}
			return r
		},
	}}
	names := make([]string, 0)
	for k := range c.ops {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, n := range append(names, "div") {
		v, ok := c.Apply(n, 2, 10)
		fmt.Println(n, v, ok)
	}
	f := Temp.F
	g := Temp(100).F
	fmt.Println(f(0), g())
	fmt.Println(apply([]string{" a ", "B"}, strings.TrimSpace, strings.ToLower, func(s string) string { return s + "!" }))
}
