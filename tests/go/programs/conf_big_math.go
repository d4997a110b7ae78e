package main

import (
	"fmt"
	"math/big"
	"strings"
)

func main() {
	f := new(big.Int).MulRange(1, 200)
	fmt.Println(f.String()[:40], len(f.String()), f.BitLen())
	a, _ := new(big.Int).SetString(strings.Repeat("9", 60), 10)
	b := big.NewInt(123456789)
	q, m := new(big.Int).DivMod(a, b, new(big.Int))
	fmt.Println(q, m, new(big.Int).Exp(big.NewInt(2), big.NewInt(100), big.NewInt(1000000007)), a.Cmp(b), new(big.Int).GCD(nil, nil, big.NewInt(84), big.NewInt(36)))
	fmt.Printf("%x %d %v %s %08d\n", b, b, a, b.Text(36), big.NewInt(42))
	r := big.NewRat(1, 3)
	r.Add(r, big.NewRat(1, 6))
	fmt.Println(r, r.FloatString(10), new(big.Rat).SetFloat64(0.1), r.Num(), r.Denom())
	x := new(big.Float).SetPrec(200).SetInt64(2)
	x.Sqrt(x)
	fmt.Println(x.Text('f', 50), x.Prec())
	fmt.Printf("%.20f %g\n", x, big.NewFloat(1.5e300))
	fmt.Println(big.NewInt(-17).Sign(), new(big.Int).Neg(big.NewInt(5)), new(big.Int).Sqrt(big.NewInt(1000000)), big.NewInt(97).ProbablyPrime(20))
}
