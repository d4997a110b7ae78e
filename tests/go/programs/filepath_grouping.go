package main

import (
	"bufio"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
)

func main() {
	byExt := map[string][]string{}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		p := filepath.Clean(sc.Text())
		ext := filepath.Ext(p)
		if ext == "" {
			ext = "(none)"
		}
		byExt[ext] = append(byExt[ext], filepath.Base(p))
	}
	exts := make([]string, 0, len(byExt))
	for e := range byExt {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	for _, e := range exts {
		fmt.Println(e, byExt[e])
	}
	m, _ := filepath.Match("src/*/*.go", "src/pkg/main.go")
	fmt.Println(m, filepath.Join("a", "", "b", "../c"), path.Join("x/", "/y"))
}
