package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("app: ")
	r := bufio.NewReader(os.Stdin)
	var n int
	if _, err := fmt.Fscan(r, &n); err != nil {
		log.Fatalln("no number:", err)
	}
	fmt.Println("got", n)
}
