package main

import (
	"container/list"
	"fmt"
	"strings"
)

type Node struct {
	Val  int
	Next *Node
}

func fromSlice(a []int) *Node {
	var head *Node
	for i := len(a) - 1; i >= 0; i-- {
		head = &Node{a[i], head}
	}
	return head
}

func (n *Node) String() string {
	var parts []string
	for ; n != nil; n = n.Next {
		parts = append(parts, fmt.Sprint(n.Val))
	}
	return "[" + strings.Join(parts, " -> ") + "]"
}

func reverse(n *Node) *Node {
	var prev *Node
	for n != nil {
		n.Next, prev, n = prev, n, n.Next
	}
	return prev
}

func mergeSorted(a, b *Node) *Node {
	dummy := &Node{}
	t := dummy
	for a != nil && b != nil {
		if a.Val <= b.Val {
			t.Next, a = a, a.Next
		} else {
			t.Next, b = b, b.Next
		}
		t = t.Next
	}
	if a != nil {
		t.Next = a
	} else {
		t.Next = b
	}
	return dummy.Next
}

func main() {
	l := fromSlice([]int{1, 2, 3, 4, 5})
	fmt.Println(l, reverse(l))
	fmt.Println(mergeSorted(fromSlice([]int{1, 4, 9}), fromSlice([]int{2, 3, 10, 11})))
	var empty *Node
	fmt.Println(empty)
	dl := list.New()
	dl.PushBack(2)
	dl.PushFront(1)
	e := dl.PushBack(4)
	dl.InsertBefore(3, e)
	dl.MoveToFront(e)
	for x := dl.Front(); x != nil; x = x.Next() {
		fmt.Print(x.Value, " ")
	}
	fmt.Println(dl.Len())
}
