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
	var width int
	fmt.Fscanln(r, &width)
	text, _ := io.ReadAll(r)
	line := ""
	for _, w := range strings.Fields(string(text)) {
		if line == "" {
			line = w
		} else if len(line)+1+len(w) <= width {
			line += " " + w
		} else {
			fmt.Printf("|%-*s|\n", width, line)
			line = w
		}
	}
	if line != "" {
		fmt.Printf("|%-*s|\n", width, line)
	}
}
