package main

import (
	"fmt"
	"math/rand"
)

func kth(a []int, k int) int {
	lo, hi := 0, len(a)-1
	for lo < hi {
		p := a[(lo+hi)/2]
		i, j := lo, hi
		for i <= j {
			for a[i] < p {
				i++
			}
			for a[j] > p {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i, j = i+1, j-1
			}
		}
		if k <= j {
			hi = j
		} else if k >= i {
			lo = i
		} else {
			return a[k]
		}
	}
	return a[k]
}

func main() {
	r := rand.New(rand.NewSource(42))
	a := make([]int, 1001)
	for i := range a {
		a[i] = r.Intn(100000)
	}
	b := append([]int(nil), a...)
	fmt.Println(kth(b, 500), kth(append([]int(nil), a...), 0), kth(append([]int(nil), a...), 1000))
	fmt.Println(a[:8])
}
