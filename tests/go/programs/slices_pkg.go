package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type person struct {
	name string
	age  int
}

func main() {
	a := []int{5, 2, 8, 2, 9, 1}
	b := slices.Clone(a)
	slices.Sort(b)
	fmt.Println(a, b, slices.Contains(a, 8), slices.Index(a, 2), slices.Max(a), slices.Min(a))
	i, found := slices.BinarySearch(b, 8)
	fmt.Println(i, found, slices.Compact(slices.Clone(b)), len(b))
	c := slices.Clone(a)
	slices.Reverse(c)
	fmt.Println(c, slices.Equal(a, c), slices.Insert([]int{1, 4}, 1, 2, 3), slices.Delete([]int{0, 1, 2, 3}, 1, 3))
	people := []person{{"ann", 30}, {"bob", 25}, {"cy", 30}, {"di", 25}, {"ed", 40}}
	slices.SortStableFunc(people, func(x, y person) int { return cmp.Compare(x.age, y.age) })
	fmt.Println(people)
	slices.SortFunc(people, func(x, y person) int {
		return cmp.Or(-cmp.Compare(x.age, y.age), strings.Compare(x.name, y.name))
	})
	fmt.Println(people)
	idx := slices.IndexFunc(people, func(p person) bool { return p.name == "cy" })
	fmt.Println(idx, slices.ContainsFunc(people, func(p person) bool { return p.age > 35 }))
	for ch := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(ch, " ")
	}
	fmt.Println()
	s := make([]int, 0, 2)
	for i := 0; i < 5; i++ {
		s = append(s, i)
	}
	fmt.Println(s, len(s), s[1:3], s[:0], s[3:], cap(s[1:2:3]))
	grid := [][]int{{1, 2}, {3, 4}}
	grid[1] = append(grid[1], 5)
	copy(grid[0], []int{9})
	fmt.Println(grid, slices.Repeat([]string{"x"}, 3))
}
