package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func mergeSort(a []int) []int {
	if len(a) <= 1 {
		return a
	}
	m := len(a) / 2
	l, r := mergeSort(a[:m]), mergeSort(a[m:])
	out := make([]int, 0, len(a))
	i, j := 0, 0
	for i < len(l) && j < len(r) {
		if l[i] <= r[j] {
			out = append(out, l[i])
			i++
		} else {
			out = append(out, r[j])
			j++
		}
	}
	return append(append(out, l[i:]...), r[j:]...)
}

func main() {
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	var a []int
	for _, f := range strings.Fields(line) {
		n, err := strconv.Atoi(f)
		if err == nil {
			a = append(a, n)
		}
	}
	fmt.Println(mergeSort(a))
}
