package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	deps := map[string][]string{}
	indeg := map[string]int{}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		a, b, ok := strings.Cut(sc.Text(), " -> ")
		if !ok {
			continue
		}
		deps[a] = append(deps[a], b)
		indeg[b]++
		if _, ok := indeg[a]; !ok {
			indeg[a] = 0
		}
	}
	var ready []string
	for k, v := range indeg {
		if v == 0 {
			ready = append(ready, k)
		}
	}
	var order []string
	for len(ready) > 0 {
		sort.Strings(ready)
		n := ready[0]
		ready = ready[1:]
		order = append(order, n)
		for _, m := range deps[n] {
			indeg[m]--
			if indeg[m] == 0 {
				ready = append(ready, m)
			}
		}
	}
	fmt.Println(strings.Join(order, ", "))
	fmt.Println("cycle:", len(order) != len(indeg))
}
