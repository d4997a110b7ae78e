package main

import (
	"fmt"
	"math/big"
)

func det(m [][]*big.Rat) *big.Rat {
	n := len(m)
	res := big.NewRat(1, 1)
	for c := 0; c < n; c++ {
		p := -1
		for r := c; r < n; r++ {
			if m[r][c].Sign() != 0 {
				p = r
				break
			}
		}
		if p < 0 {
			return new(big.Rat)
		}
		if p != c {
			m[p], m[c] = m[c], m[p]
			res.Neg(res)
		}
		res.Mul(res, m[c][c])
		for r := c + 1; r < n; r++ {
			f := new(big.Rat).Quo(m[r][c], m[c][c])
			for k := c; k < n; k++ {
				m[r][k].Sub(m[r][k], new(big.Rat).Mul(f, m[c][k]))
			}
		}
	}
	return res
}

func main() {
	raw := [][]int64{{2, -3, 1}, {2, 0, -1}, {1, 4, 5}}
	m := make([][]*big.Rat, len(raw))
	for i, row := range raw {
		for _, v := range row {
			m[i] = append(m[i], big.NewRat(v, 1))
		}
	}
	fmt.Println(det(m))
	h := make([][]*big.Rat, 5)
	for i := range h {
		for j := 0; j < 5; j++ {
			h[i] = append(h[i], big.NewRat(1, int64(i+j+1)))
		}
	}
	fmt.Println(det(h))
}
