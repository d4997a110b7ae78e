package main

import (
	"bufio"
	"container/list"
	"fmt"
	"os"
)

type entry struct {
	key, val int
}

type LRU struct {
	cap   int
	ll    *list.List
	items map[int]*list.Element
}

func NewLRU(c int) *LRU { return &LRU{c, list.New(), map[int]*list.Element{}} }

func (c *LRU) Get(k int) int {
	if e, ok := c.items[k]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*entry).val
	}
	return -1
}

func (c *LRU) Put(k, v int) {
	if e, ok := c.items[k]; ok {
		e.Value.(*entry).val = v
		c.ll.MoveToFront(e)
		return
	}
	c.items[k] = c.ll.PushFront(&entry{k, v})
	if c.ll.Len() > c.cap {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*entry).key)
	}
}

func main() {
	r := bufio.NewReader(os.Stdin)
	var capacity, n int
	fmt.Fscan(r, &capacity, &n)
	c := NewLRU(capacity)
	for ; n > 0; n-- {
		var op string
		fmt.Fscan(r, &op)
		if op == "put" {
			var k, v int
			fmt.Fscan(r, &k, &v)
			c.Put(k, v)
		} else {
			var k int
			fmt.Fscan(r, &k)
			fmt.Println(c.Get(k))
		}
	}
}
