package main

import (
	"fmt"
	"math"
)

func main() {
	var a int32 = math.MaxInt32
	a++
	var b uint8 = 0
	b--
	var c int64 = math.MinInt64
	c = -c
	fmt.Println(a, b, c)
	x, y := 7, -2
	fmt.Println(x/y, x%y, -x/2, float64(x)/float64(y))
	f := 1e308
	fmt.Println(f*10, -f*10, int64(float64(1<<53)+1))
	var u uint32 = 1 << 31
	fmt.Println(u<<1, u>>31, int32(u))
}
