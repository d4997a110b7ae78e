// attack: net-tcp-connect
// category: network
// tries: open a TCP connection to a listener on 127.0.0.1 with net.Dial
// source: MITRE ATT&CK T1071 (Application Layer Protocol)
// verdict: status in {violation, error, compile_error} and listener saw 0 connections
package main

import (
	"net"
)

func main() {
	c, err := net.Dial("tcp", "127.0.0.1:{{TCP_PORT}}")
	if err != nil {
		panic(err)
	}
	c.Close()
}
