package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

func main() {
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "name\tqty\tprice\t")
	fmt.Fprintln(w, "apple\t3\t1.25\t")
	fmt.Fprintln(w, "watermelon\t12\t10.5\t")
	w.Flush()
	w2 := tabwriter.NewWriter(os.Stdout, 4, 0, 1, '.', 0)
	fmt.Fprintf(w2, "a\tbb\tccc\n")
	fmt.Fprintf(w2, "dddd\te\tf\n")
	w2.Flush()
}
