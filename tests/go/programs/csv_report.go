package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
)

func main() {
	r := csv.NewReader(os.Stdin)
	header, err := r.Read()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("columns:", header)
	totals := map[string]float64{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		v, err := strconv.ParseFloat(rec[2], 64)
		if err != nil {
			fmt.Println("bad amount:", rec[2])
			continue
		}
		totals[rec[1]] += v
	}
	keys := make([]string, 0, len(totals))
	for k := range totals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"region", "total", "note"})
	for _, k := range keys {
		w.Write([]string{k, strconv.FormatFloat(totals[k], 'f', 2, 64), "has, comma \"q\""})
	}
	w.Flush()
	fmt.Println(w.Error())
}
