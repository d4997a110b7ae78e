package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

func toBase(n int64, b int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var out []byte
	for n > 0 {
		out = append(out, digits[n%int64(b)])
		n /= int64(b)
	}
	if neg {
		out = append(out, '-')
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 3 {
			continue
		}
		from, _ := strconv.Atoi(f[1])
		to, _ := strconv.Atoi(f[2])
		n, err := strconv.ParseInt(f[0], from, 64)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s (base %d) = %s (base %d) check=%s\n", f[0], from, toBase(n, to), to, strings.ToUpper(strconv.FormatInt(n, to)))
	}
}
