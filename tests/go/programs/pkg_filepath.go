package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

func main() {
	paths := []string{"/home/user/docs/report.final.pdf", "rel/dir/", "a/./b/../c.txt", "/", ""}
	for _, p := range paths {
		fmt.Printf("%q: base=%q dir=%q ext=%q clean=%q abs=%v\n", p, filepath.Base(p), filepath.Dir(p),
			filepath.Ext(p), filepath.Clean(p), filepath.IsAbs(p))
	}
	fmt.Println(filepath.Join("x", "y", "..", "z"), filepath.ToSlash("a/b"), filepath.FromSlash("a/b"))
	fmt.Println(filepath.SplitList("/bin:/usr/bin::/sbin"), string(filepath.Separator), string(filepath.ListSeparator))
	for _, pair := range [][2]string{{"/a/b", "/a/b/c/d"}, {"/a/b/c", "/a/x"}, {"a", "/b"}, {"/a", "/a"}} {
		rel, err := filepath.Rel(pair[0], pair[1])
		fmt.Printf("rel(%s, %s) = %q %v\n", pair[0], pair[1], rel, err)
	}
	m, err := filepath.Match("*.txt", "notes.txt")
	fmt.Println(m, err, filepath.VolumeName("/x"), filepath.IsLocal("a/b"), filepath.IsLocal("../a"))
	files := []string{"src/main.go", "src/util/str.go", "README.md", "src/util/str_test.go"}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		d, b := filepath.Split(f)
		fmt.Printf("%-10s %s\n", d, strings.TrimSuffix(b, filepath.Ext(b)))
	}
}
