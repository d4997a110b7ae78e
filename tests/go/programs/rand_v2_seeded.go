package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.IntN(100), r.IntN(100), r.Uint64(), r.Float64())
	s := []string{"a", "b", "c", "d", "e"}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s, r.Perm(5), r.NormFloat64())
	c := rand.New(rand.NewChaCha8([32]byte{1, 2, 3}))
	fmt.Println(c.Int64(), c.Uint32(), c.ExpFloat64())
	n := rand.N(10)
	fmt.Println(n >= 0 && n < 10)
}
