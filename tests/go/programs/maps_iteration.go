package main

import (
	"fmt"
	"maps"
	"slices"
	"sort"
)

func main() {
	stock := map[string]int{"apple": 5, "pear": 0, "fig": 12, "kiwi": 3}
	stock["plum"] = 7
	delete(stock, "pear")
	if n, ok := stock["pear"]; !ok {
		fmt.Println("pear gone", n)
	}
	keys := slices.Sorted(maps.Keys(stock))
	for _, k := range keys {
		fmt.Printf("%s=%d ", k, stock[k])
	}
	fmt.Println(len(stock))
	vals := slices.Collect(maps.Values(stock))
	sort.Sort(sort.Reverse(sort.IntSlice(vals)))
	fmt.Println(vals)
	c := maps.Clone(stock)
	c["apple"] = 100
	fmt.Println(stock["apple"], c["apple"], maps.Equal(stock, c))
	maps.DeleteFunc(c, func(k string, v int) bool { return v < 10 })
	fmt.Println(c)
	nested := map[string]map[string]int{}
	for _, p := range [][2]string{{"a", "x"}, {"a", "y"}, {"b", "x"}, {"a", "x"}} {
		if nested[p[0]] == nil {
			nested[p[0]] = map[string]int{}
		}
		nested[p[0]][p[1]]++
	}
	fmt.Println(nested)
	type key struct{ r, c int }
	grid := map[key]bool{{1, 2}: true, {0, 0}: true}
	fmt.Println(grid[key{1, 2}], grid[key{2, 1}], len(grid))
	clear(grid)
	fmt.Println(len(grid))
}
