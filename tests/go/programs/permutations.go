package main

import (
	"fmt"
	"strings"
)

func permute(a []string, k int, out *[]string) {
	if k == len(a) {
		*out = append(*out, strings.Join(a, ""))
		return
	}
	for i := k; i < len(a); i++ {
		a[k], a[i] = a[i], a[k]
		permute(a, k+1, out)
		a[k], a[i] = a[i], a[k]
	}
}

func main() {
	var out []string
	permute([]string{"a", "b", "c", "d"}, 0, &out)
	fmt.Println(len(out))
	for i := 0; i < len(out); i += 6 {
		fmt.Println(strings.Join(out[i:i+6], " "))
	}
}
