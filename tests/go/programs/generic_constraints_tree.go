package main

import (
	"cmp"
	"fmt"
	"strings"
)

type Tree[T cmp.Ordered] struct {
	root *node[T]
	size int
}

type node[T cmp.Ordered] struct {
	val         T
	left, right *node[T]
}

func (t *Tree[T]) Insert(v T) bool {
	p := &t.root
	for *p != nil {
		switch c := cmp.Compare(v, (*p).val); {
		case c < 0:
			p = &(*p).left
		case c > 0:
			p = &(*p).right
		default:
			return false
		}
	}
	*p = &node[T]{val: v}
	t.size++
	return true
}

func (t *Tree[T]) Walk(f func(T)) { walk(t.root, f) }

func walk[T cmp.Ordered](n *node[T], f func(T)) {
	if n != nil {
		walk(n.left, f)
		f(n.val)
		walk(n.right, f)
	}
}

func height[T cmp.Ordered](n *node[T]) int {
	if n == nil {
		return 0
	}
	return 1 + max(height(n.left), height(n.right))
}

func main() {
	var t Tree[int]
	for _, v := range []int{50, 30, 70, 20, 40, 60, 80, 30, 65} {
		t.Insert(v)
	}
	var sb strings.Builder
	t.Walk(func(v int) { fmt.Fprintf(&sb, "%d ", v) })
	fmt.Println(sb.String(), t.size, height(t.root))
	var ts Tree[string]
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog") {
		ts.Insert(w)
	}
	ts.Walk(func(s string) { fmt.Print(s, ",") })
	fmt.Println()
}
