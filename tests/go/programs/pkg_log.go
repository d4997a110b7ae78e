package main

import (
	"bufio"
	"bytes"
	"fmt"
	"log"
	"os"
	"strconv"
)

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.SetPrefix("[calc] ")
	sc := bufio.NewScanner(os.Stdin)
	sum := 0
	for sc.Scan() {
		n, err := strconv.Atoi(sc.Text())
		if err != nil {
			log.Printf("skipping %q: %v", sc.Text(), err)
			continue
		}
		sum += n
		log.Println("added", n, "sum now", sum)
	}
	var buf bytes.Buffer
	l := log.New(&buf, "mine: ", log.Lmsgprefix|log.Lshortfile)
	l.Print("with a file name")
	l.SetFlags(log.Lmsgprefix)
	l.Printf("flags %d prefix %q", l.Flags(), l.Prefix())
	fmt.Print(buf.String())
	log.SetFlags(log.Lshortfile)
	log.Print("short file")
	fmt.Println(log.Prefix(), log.Flags() == log.Lshortfile)
	defer fmt.Println("deferred calls do not run after log.Fatal")
	if sum > 10 {
		log.Fatalf("sum %d is too large", sum)
	}
}
