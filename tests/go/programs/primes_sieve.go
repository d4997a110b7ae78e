package main

import (
	"fmt"
	"strings"
)

func main() {
	const n = 200
	composite := make([]bool, n+1)
	var primes []string
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, fmt.Sprint(i))
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	fmt.Println(len(primes))
	fmt.Println(strings.Join(primes, " "))
}
