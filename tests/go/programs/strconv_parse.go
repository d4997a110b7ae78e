package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		s := sc.Text()
		if i, err := strconv.ParseInt(s, 0, 64); err == nil {
			fmt.Printf("%q int %d hex %s bin %s\n", s, i, strconv.FormatInt(i, 16), strconv.FormatInt(i, 2))
		} else if f, err := strconv.ParseFloat(s, 64); err == nil {
			fmt.Printf("%q float %v %s %s\n", s, f, strconv.FormatFloat(f, 'f', 3, 64), strconv.FormatFloat(f, 'e', -1, 64))
		} else if b, err := strconv.ParseBool(s); err == nil {
			fmt.Printf("%q bool %v\n", s, b)
		} else {
			fmt.Printf("%q error: %v\n", s, err)
		}
	}
	fmt.Println(strconv.Quote("tab\there \"q\" ü"), strconv.QuoteToASCII("ü→"), strconv.Itoa(-45))
	u, err := strconv.Unquote(`"a\nb"`)
	fmt.Printf("%q %v\n", u, err)
	_, err = strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Println(err)
	_, err = strconv.ParseUint("300", 10, 8)
	fmt.Println(err)
	fmt.Println(strconv.AppendInt([]byte("n="), 12, 10), string(strconv.AppendQuoteRune(nil, 'x')))
}
