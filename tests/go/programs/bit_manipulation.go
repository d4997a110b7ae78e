package main

import (
	"fmt"
	"math/bits"
)

func main() {
	for _, x := range []uint{0, 1, 6, 255, 1 << 40, 12345} {
		fmt.Printf("%d: ones=%d lead=%d trail=%d len=%d rev8=%08b\n", x, bits.OnesCount(x), bits.LeadingZeros64(uint64(x)),
			bits.TrailingZeros(x), bits.Len(x), bits.Reverse8(uint8(x)))
	}
	var mask uint8 = 0b1010_0101
	fmt.Printf("%08b %08b %08b %08b\n", mask&0x0F, mask|0x0F, mask^0xFF, mask&^0x05)
	fmt.Println(bits.RotateLeft8(1, -1), bits.Reverse32(1))
	hi, lo := bits.Mul64(1<<63, 4)
	sum, carry := bits.Add64(^uint64(0), 1, 0)
	fmt.Println(hi, lo, sum, carry)
	subsets := 0
	set := []string{"a", "b", "c"}
	for m := 0; m < 1<<len(set); m++ {
		var s []string
		for i := range set {
			if m&(1<<i) != 0 {
				s = append(s, set[i])
			}
		}
		fmt.Print(s)
		subsets++
	}
	fmt.Println(subsets)
	x := 0x7fffffff
	y := 300
	fmt.Println(int32(x)+1 < 0, uint8(y), int8(-129+256))
}
