package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

type Number interface{ ~int | ~int64 | ~float64 }

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Person struct {
	Name string
	Age  int
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2.25}), Map([]int{1, 2}, func(i int) string { return strings.Repeat("*", i) }))
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys, slices.Collect(maps.Values(map[int]int{1: 1})), Pair[string, int]{"k", 1}, []Pair[int, bool]{{1, true}})
	people := []Person{{"Al", 30}, {"Bo", 25}, {"Cy", 30}, {"Di", 25}}
	slices.SortStableFunc(people, func(a, b Person) int { return cmp.Compare(b.Age, a.Age) })
	fmt.Println(people)
	sort.SliceStable(people, func(i, j int) bool { return people[i].Name > people[j].Name })
	fmt.Println(people, slices.IndexFunc(people, func(p Person) bool { return p.Age == 25 }))
	s := []int{5, 2, 8, 2, 9, 1}
	s2 := slices.Clone(s)
	slices.Sort(s2)
	i, found := slices.BinarySearch(s2, 8)
	fmt.Println(s2, i, found, slices.Compact(slices.Clone(s2)), slices.Max(s), slices.Min(s), slices.Contains(s, 9), slices.Equal(s, s2))
	fmt.Println(slices.Insert([]int{1, 2}, 1, 9, 8), slices.Delete([]int{0, 1, 2, 3}, 1, 3), min(3, 1, 2), max(2.5, 1), cmp.Or("", "def"))
	for i, v := range slices.Backward([]string{"x", "y"}) {
		fmt.Print(i, v, " ")
	}
	for i := range 3 {
		fmt.Print(i)
	}
	fmt.Println()
	seq := func(yield func(int, string) bool) {
		for i, w := range strings.Fields("go is fun") {
			if !yield(i, w) {
				return
			}
		}
	}
	for i, w := range seq {
		fmt.Println(i, w)
	}
	fmt.Println(slices.Collect(strings.SplitSeq("a,b,c", ",")), maps.Collect(slices.All([]string{"p", "q"})))
}
