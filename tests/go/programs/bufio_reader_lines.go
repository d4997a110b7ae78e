package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	n := 0
	for {
		line, err := r.ReadString('\n')
		if len(line) > 0 {
			n++
			fmt.Printf("%d: %q (newline=%v)\n", n, strings.TrimRight(line, "\r\n"), strings.HasSuffix(line, "\n"))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			return
		}
	}
	rr := bufio.NewReader(strings.NewReader("xy z"))
	b, _ := rr.ReadByte()
	rr.UnreadByte()
	p, _ := rr.Peek(2)
	ru, sz, _ := rr.ReadRune()
	fmt.Println(string(b), string(p), string(ru), sz, rr.Buffered())
}
