// attack: net-http
// category: network
// tries: make an HTTP request with net/http
// source: MITRE ATT&CK T1071.001 (Web Protocols); OWASP SSRF
// verdict: status in {violation, error, compile_error} and listener saw 0 connections
package main

import (
	"net/http"
)

func main() {
	if _, err := http.Get("http://127.0.0.1:{{TCP_PORT}}/"); err != nil {
		panic(err)
	}
}
