// attack: net-wasi-socket-fd
// category: network
// tries: use a pre-opened socket file descriptor (fd 3) as a WASI listener would
// source: WASI preview1 sock_accept; wasmtime --tcplisten
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import (
	"fmt"
	"os"
)

func main() {
	f := os.NewFile(3, "sock")
	b := make([]byte, 8)
	n, err := f.Read(b)
	if err != nil {
		panic(err)
	}
	fmt.Println("REA"+"CHED", n)
}
