package main

import (
	"fmt"
)

func modify(a [3]int, s []int) {
	a[0] = 100
	s[0] = 100
}

func main() {
	a := [3]int{1, 2, 3}
	s := []int{1, 2, 3}
	modify(a, s)
	fmt.Println(a, s)
	b := a
	b[1] = 50
	fmt.Println(a, b, a == [3]int{1, 2, 3})
	var grid [3][4]int
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid, len(grid), len(grid[0]))
	orig := []int{1, 2, 3, 4, 5}
	sub := orig[1:3]
	sub = append(sub, 99)
	fmt.Println(orig, sub, len(sub), cap(sub))
	cp := make([]int, 2)
	n := copy(cp, orig)
	fmt.Println(cp, n)
	m := map[string][2]int{"x": {1, 2}}
	v := m["x"]
	v[0] = 9
	fmt.Println(m, v)
	arr := [...]string{2: "c", 0: "a"}
	fmt.Printf("%q %d\n", arr, len(arr))
}
