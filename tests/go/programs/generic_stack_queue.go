package main

import (
	"errors"
	"fmt"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, errors.New("empty stack")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}
func (s *Stack[T]) Len() int { return len(s.items) }

type Queue[T any] struct{ head, tail []T }

func (q *Queue[T]) Enqueue(v T) { q.tail = append(q.tail, v) }
func (q *Queue[T]) Dequeue() (T, bool) {
	if len(q.head) == 0 {
		for len(q.tail) > 0 {
			n := len(q.tail) - 1
			q.head = append(q.head, q.tail[n])
			q.tail = q.tail[:n]
		}
	}
	var zero T
	if len(q.head) == 0 {
		return zero, false
	}
	n := len(q.head) - 1
	v := q.head[n]
	q.head = q.head[:n]
	return v, true
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func main() {
	var s Stack[string]
	for _, w := range []string{"a", "b", "c"} {
		s.Push(w)
	}
	for s.Len() > 0 {
		v, _ := s.Pop()
		fmt.Print(v, " ")
	}
	_, err := s.Pop()
	fmt.Println(err)
	var q Queue[Pair[string, int]]
	q.Enqueue(Pair[string, int]{"x", 1})
	q.Enqueue(Pair[string, int]{"y", 2})
	v, ok := q.Dequeue()
	q.Enqueue(Pair[string, int]{"z", 3})
	fmt.Println(v, ok)
	for v, ok := q.Dequeue(); ok; v, ok = q.Dequeue() {
		fmt.Printf("%+v\n", v)
	}
}
