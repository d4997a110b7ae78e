package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

type Key struct {
	A string
	B int
}

func main() {
	m := map[Key][]int{{"b", 1}: {1}, {"a", 2}: {2, 3}, {"a", 1}: nil}
	fmt.Println(m)
	fmt.Printf("%v\n%+v\n", m, m)
	nested := map[string]map[int]bool{"x": {3: true, 1: false}, "a": {}}
	fmt.Println(nested, map[float64]string{2.5: "b", -1: "a"}, map[bool]int{true: 1, false: 0}, map[interface{}]int{"s": 1, 2: 2})
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&sb, "[%02d]", i)
	}
	sb.WriteByte('!')
	sb.WriteRune('☺')
	fmt.Println(sb.String(), sb.Len())
	words := strings.Fields("the quick brown fox jumps over the lazy dog the end")
	cnt := map[string]int{}
	for _, w := range words {
		cnt[w]++
	}
	keys := make([]string, 0, len(cnt))
	for k := range cnt {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if cnt[keys[i]] != cnt[keys[j]] {
			return cnt[keys[i]] > cnt[keys[j]]
		}
		return keys[i] < keys[j]
	})
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	for _, k := range keys {
		fmt.Fprintf(tw, "%s\t%d\t%s\t\n", k, cnt[k], strings.Repeat("#", cnt[k]))
	}
	tw.Flush()
	r := strings.NewReplacer("a", "4", "e", "3", "o", "0")
	fmt.Println(r.Replace("hello world avocado"), strings.Map(func(r rune) rune {
		if r == 'l' {
			return -1
		}
		return r + 1
	}, "hello"), strings.Title("go lang"), strings.EqualFold("Gö", "GÖ"))
	fmt.Println(strings.Cut("k=v=w", "="))
	fmt.Printf("%q\n", strings.SplitAfterN("a,b,c,d", ",", 3))
	fmt.Printf("%8.3q|%-10q|%x|% X\n", "abcdef", "hi", "☺", []byte("☺"))
}
