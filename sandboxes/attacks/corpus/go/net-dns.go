// attack: net-dns
// category: network
// tries: resolve a name with net.LookupHost
// source: MITRE ATT&CK T1071.004 (DNS)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import (
	"fmt"
	"net"
)

func main() {
	a, err := net.LookupHost("localhost")
	if err != nil {
		panic(err)
	}
	fmt.Println("REA"+"CHED", a)
}
