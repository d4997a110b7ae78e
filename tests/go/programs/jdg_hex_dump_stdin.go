package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	data, _ := io.ReadAll(os.Stdin)
	for off := 0; off < len(data); off += 8 {
		end := min(off+8, len(data))
		chunk := data[off:end]
		var asc strings.Builder
		for _, b := range chunk {
			if b >= 32 && b < 127 {
				asc.WriteByte(b)
			} else {
				asc.WriteByte('.')
			}
		}
		fmt.Printf("%04x  %-24s |%s|\n", off, fmt.Sprintf("% x", chunk), asc.String())
	}
}
