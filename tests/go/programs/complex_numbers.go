package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

func main() {
	a := complex(3, 4)
	b := 1 - 2i
	fmt.Println(a+b, a*b, a/b, real(a), imag(b), cmplx.Abs(a), cmplx.Conj(a))
	fmt.Printf("%.4f %.4f\n", cmplx.Sqrt(-1), cmplx.Exp(complex(0, math.Pi)))
	for k := 0; k < 4; k++ {
		w := cmplx.Rect(1, 2*math.Pi*float64(k)/4)
		fmt.Printf("%.3f ", w)
	}
	fmt.Println()
	r, th := cmplx.Polar(a)
	fmt.Printf("%.5f %.5f %v\n", r, th, cmplx.IsNaN(cmplx.NaN()))
}
