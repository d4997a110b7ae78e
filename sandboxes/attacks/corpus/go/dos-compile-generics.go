// attack: dos-compile-generics
// category: resource-exhaustion
// tries: make the type checker instantiate generics exponentially
// source: golang/go issues on exponential generic instantiation in the type checker
// verdict: status in {ok, compile_error, timeout, memory_limit} and returns within 8 s
// timeout_s: 2
package main

import (
	"fmt"
)

type P[T any] struct{ a, b T }

func main() {
	var x P[P[P[P[P[P[P[P[P[P[P[P[P[P[P[P[int]]]]]]]]]]]]]]]]
	fmt.Println(x.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a)
}
