package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

func main() {
	w := bufio.NewWriterSize(os.Stdout, 4096)
	defer w.Flush()
	sum := 0
	for i := 1; i <= 3000; i++ {
		sum += i * i
		if i%100 == 0 {
			fmt.Fprintf(w, "%d %d\n", i, sum)
		}
	}
	w.WriteString(strconv.Itoa(sum))
	w.WriteByte('\n')
	fmt.Fprintln(w, w.Buffered() > 0, w.Size())
}
