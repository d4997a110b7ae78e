package main

import (
	"bufio"
	"fmt"
	"os"
	"path"
)

// Reads one path per line and prints what package path makes of it.
func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		p := sc.Text()
		dir, file := path.Split(p)
		fmt.Printf("%q clean=%q base=%q dir=%q ext=%q abs=%v split=(%q,%q)\n",
			p, path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p), path.IsAbs(p), dir, file)
	}
	fmt.Println(path.Join("a", "b/../c", "/d"))
	for _, pat := range []string{"*.go", "a?c", "[a-c]*", "[^x]y"} {
		for _, name := range []string{"main.go", "abc", "bcd", "zy"} {
			ok, err := path.Match(pat, name)
			fmt.Print(ok, err, " ")
		}
		fmt.Println()
	}
	_, err := path.Match("[", "x")
	fmt.Println(err)
}
