package main

import (
	"bufio"
	"fmt"
	"math/big"
	"os"
)

func add(a, b string) string {
	var out []byte
	carry := 0
	for i, j := len(a)-1, len(b)-1; i >= 0 || j >= 0 || carry > 0; i, j = i-1, j-1 {
		s := carry
		if i >= 0 {
			s += int(a[i] - '0')
		}
		if j >= 0 {
			s += int(b[j] - '0')
		}
		out = append(out, byte('0'+s%10))
		carry = s / 10
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return string(out)
}

func main() {
	r := bufio.NewReader(os.Stdin)
	var a, b string
	for {
		if _, err := fmt.Fscan(r, &a, &b); err != nil {
			break
		}
		x, _ := new(big.Int).SetString(a, 10)
		y, _ := new(big.Int).SetString(b, 10)
		s := add(a, b)
		fmt.Println(s, s == new(big.Int).Add(x, y).String())
	}
}
