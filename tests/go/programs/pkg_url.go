package main

import (
	"bufio"
	"fmt"
	"net/url"
	"os"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		u, err := url.Parse(sc.Text())
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("scheme=%q user=%v host=%q port=%q path=%q raw=%q frag=%q\n",
			u.Scheme, u.User, u.Hostname(), u.Port(), u.Path, u.RawQuery, u.Fragment)
		q := u.Query()
		for _, k := range []string{"q", "page", "tag"} {
			if q.Has(k) {
				fmt.Printf("  %s=%q\n", k, q[k])
			}
		}
		fmt.Println("  abs:", u.IsAbs(), "string:", u.String(), "redacted:", u.Redacted())
	}
	v := url.Values{}
	v.Set("name", "Ann Lee")
	v.Add("tag", "a&b")
	v.Add("tag", "ü")
	fmt.Println(v.Encode())
	fmt.Println(url.QueryEscape("a b/c?d"), url.PathEscape("a b/c?d"))
	s, err := url.QueryUnescape("x%20y+z%zz")
	fmt.Printf("%q %v\n", s, err)
	base, _ := url.Parse("https://example.com/a/b/c")
	for _, ref := range []string{"../d", "/e", "f?g=1", "//other.org/h"} {
		r, _ := url.Parse(ref)
		fmt.Println(base.ResolveReference(r))
	}
	j, _ := url.JoinPath("https://x.org/api/", "v1", "../v2", "items")
	fmt.Println(j)
	vals, err := url.ParseQuery("a=1&b=2&a=3&bad=%")
	fmt.Println(vals, err)
}
