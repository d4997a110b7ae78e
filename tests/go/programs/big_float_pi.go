package main

import (
	"fmt"
	"math/big"
)

func main() {
	prec := uint(200)
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	// Machin: pi = 16 atan(1/5) - 4 atan(1/239)
	atanInv := func(n int64) *big.Float {
		x := new(big.Float).SetPrec(prec).Quo(one, new(big.Float).SetPrec(prec).SetInt64(n))
		x2 := new(big.Float).SetPrec(prec).Mul(x, x)
		sum := new(big.Float).SetPrec(prec).Set(x)
		term := new(big.Float).SetPrec(prec).Set(x)
		for k := int64(1); k < 200; k++ {
			term.Mul(term, x2)
			t := new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetPrec(prec).SetInt64(2*k+1))
			if k%2 == 1 {
				sum.Sub(sum, t)
			} else {
				sum.Add(sum, t)
			}
		}
		return sum
	}
	a := new(big.Float).SetPrec(prec).Mul(new(big.Float).SetInt64(16), atanInv(5))
	b := new(big.Float).SetPrec(prec).Mul(new(big.Float).SetInt64(4), atanInv(239))
	pi := new(big.Float).SetPrec(prec).Sub(a, b)
	fmt.Println(pi.Text('f', 50))
	s := new(big.Float).SetPrec(prec).Sqrt(new(big.Float).SetPrec(prec).SetInt64(2))
	fmt.Println(s.Text('g', 40))
	n, _ := new(big.Int).SetString("123456789123456789123456789", 10)
	fmt.Println(new(big.Int).Sqrt(n), new(big.Int).ModInverse(big.NewInt(3), big.NewInt(11)), n.Text(36))
}
