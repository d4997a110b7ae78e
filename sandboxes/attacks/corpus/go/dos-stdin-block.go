// attack: dos-stdin-block
// category: resource-exhaustion
// tries: hang the host by reading stdin to the end (io.ReadAll on os.Stdin waiting for a terminal), then write to
// tries: stdin and to an inherited descriptor 3
// source: wasmtime issue about blocking stdin reads in WASI (inherited stdin blocks the host thread); ENGINE-NOTES
// verdict: status == ok and output lacks "REACHED" and returns within 8 s
// timeout_s: 2
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	b, err := io.ReadAll(os.Stdin)
	fmt.Println("stdin", len(b), err)
	if _, err = os.Stdin.Write([]byte("x")); err == nil {
		fmt.Println("REA" + "CHED: wrote to stdin")
	}
	for fd := uintptr(3); fd < 8; fd++ {
		if _, err = os.NewFile(fd, "fd").Write([]byte("x")); err == nil {
			fmt.Println("REA"+"CHED: wrote to fd", fd)
		}
	}
}
