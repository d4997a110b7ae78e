package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Cbrt(27), math.Pow(2, 0.5), math.Exp(1), math.Log(math.E), math.Log10(1000), math.Log2(1024))
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Round(-2.5), math.Trunc(-2.7), math.RoundToEven(2.5), math.Abs(-3))
	fmt.Println(math.Sin(math.Pi/6), math.Cos(0), math.Atan2(1, 1), math.Hypot(3, 4))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.MaxFloat64, math.SmallestNonzeroFloat64)
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), math.IsNaN(math.NaN()), math.IsInf(1/math.Inf(1), 0))
	fmt.Println(math.Mod(7, -3), math.Remainder(7, 3), math.Max(3, math.NaN()), math.Min(-0.0, 0))
	fr, exp := math.Frexp(40)
	fmt.Println(fr, exp, math.Float64bits(1.0), math.Signbit(-0.0), math.Copysign(3, -1))
	x := 0.1 + 0.2
	fmt.Println(x, x == 0.3, math.Abs(x-0.3) < 1e-9, float32(x))
	var i8 int8 = 127
	i8++
	var u uint = 0
	u--
	fmt.Println(i8, u, -7/2, -7%2, 7>>1, -7>>1, 1<<10)
	fmt.Printf("%.10f %.3e %v\n", math.Pi, math.Phi, math.Gamma(5))
}
