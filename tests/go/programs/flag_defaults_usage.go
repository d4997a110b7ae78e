package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	limit := flag.Int("limit", 3, "max lines")
	sep := flag.String("sep", ",", "separator")
	flag.Parse()
	sc := bufio.NewScanner(os.Stdin)
	for i := 0; i < *limit && sc.Scan(); i++ {
		fmt.Println(strings.Join(strings.Split(sc.Text(), *sep), " | "))
	}
	fmt.Println(flag.NArg(), flag.Lookup("sep").DefValue)
}
