package main

import (
	"bufio"
	"fmt"
	"os"
	"time"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var a, b string
		if _, err := fmt.Sscan(sc.Text(), &a, &b); err != nil {
			fmt.Println("bad line")
			continue
		}
		ta, err1 := time.Parse("2006-01-02", a)
		tb, err2 := time.Parse("2006-01-02", b)
		if err1 != nil || err2 != nil {
			fmt.Println("bad date:", err1, err2)
			continue
		}
		days := int(tb.Sub(ta).Hours() / 24)
		fmt.Printf("%s (%s) -> %s (%s): %d days\n", a, ta.Weekday(), b, tb.Weekday(), days)
	}
}
