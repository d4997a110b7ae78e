package main

import (
	"fmt"
	"math/big"
)

func main() {
	f := big.NewInt(1)
	for i := int64(2); i <= 50; i++ {
		f.Mul(f, big.NewInt(i))
	}
	fmt.Println(f)
	fmt.Println(len(f.String()), f.BitLen())
	two := big.NewInt(2)
	p := new(big.Int).Exp(two, big.NewInt(127), nil)
	p.Sub(p, big.NewInt(1))
	fmt.Println(p, p.ProbablyPrime(20))
	q, m := new(big.Int).DivMod(f, p, new(big.Int))
	fmt.Println(q, m)
	r := new(big.Rat).SetFrac64(22, 7)
	fmt.Println(r, r.FloatString(10))
}
