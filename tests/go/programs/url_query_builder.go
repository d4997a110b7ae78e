package main

import (
	"bufio"
	"fmt"
	"net/url"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	base, _ := url.Parse("https://api.example.com/v1/search")
	for sc.Scan() {
		q := url.Values{}
		for _, kv := range strings.Fields(sc.Text()) {
			k, v, _ := strings.Cut(kv, "=")
			q.Add(k, v)
		}
		u := *base
		u.RawQuery = q.Encode()
		fmt.Println(u.String())
		back, _ := url.ParseQuery(u.RawQuery)
		fmt.Println(" ", len(back), back.Get("q"))
	}
}
