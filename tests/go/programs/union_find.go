package main

import (
	"bufio"
	"fmt"
	"os"
)

type DSU struct{ parent, size []int }

func NewDSU(n int) *DSU {
	d := &DSU{make([]int, n), make([]int, n)}
	for i := range d.parent {
		d.parent[i], d.size[i] = i, 1
	}
	return d
}

func (d *DSU) Find(x int) int {
	for d.parent[x] != x {
		d.parent[x] = d.parent[d.parent[x]]
		x = d.parent[x]
	}
	return x
}

func (d *DSU) Union(a, b int) bool {
	a, b = d.Find(a), d.Find(b)
	if a == b {
		return false
	}
	if d.size[a] < d.size[b] {
		a, b = b, a
	}
	d.parent[b] = a
	d.size[a] += d.size[b]
	return true
}

func main() {
	r := bufio.NewReader(os.Stdin)
	var n, q int
	fmt.Fscan(r, &n, &q)
	d := NewDSU(n)
	comps := n
	for ; q > 0; q-- {
		var op string
		var a, b int
		fmt.Fscan(r, &op, &a, &b)
		if op == "union" {
			if d.Union(a, b) {
				comps--
			}
			fmt.Println("components:", comps)
		} else {
			fmt.Println(d.Find(a) == d.Find(b))
		}
	}
}
