// attack: net-udp-send
// category: network
// tries: send a UDP datagram to 127.0.0.1
// source: MITRE ATT&CK T1048 (Exfiltration Over Alternative Protocol)
// verdict: status in {violation, error, compile_error} and udp listener saw 0 datagrams
package main

import (
	"net"
)

func main() {
	c, err := net.Dial("udp", "127.0.0.1:{{UDP_PORT}}")
	if err != nil {
		panic(err)
	}
	c.Write([]byte("exfil"))
}
