// attack: escape-docker-socket
// category: container-escape
// tries: talk to the Docker daemon over /var/run/docker.sock
// source: MITRE ATT&CK T1611 (Escape to Host)
// verdict: status in {violation, error, compile_error} and output lacks "REACHED"
package main

import (
	"fmt"
	"net"
)

func main() {
	c, err := net.Dial("unix", "/var/run/docker.sock")
	if err != nil {
		panic(err)
	}
	fmt.Println("REA"+"CHED", c)
}
