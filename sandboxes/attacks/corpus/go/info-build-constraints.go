// attack: info-build-constraints
// category: information-disclosure
// tries: a legacy `// +build !wasip1` constraint (not a //go: directive, so a directive filter does not see it) that
// tries: excludes the program from the wasip1 build, hoping for a build of some other file or an error naming the
// tries: host's build directory
// source: Go build constraints doc (https://pkg.go.dev/cmd/go#hdr-Build_constraints) and the //go:build transition
// source: proposal https://github.com/golang/go/issues/41184 ; CWE-209 for the path leak
// verdict: status == compile_error and output lacks "REACHED" and output lacks "/tmp/" and output lacks "/.cache/"
// verdict: and output lacks "go-build" and output lacks "/root"
// +build !wasip1

package main

func main() { println("REA" + "CHED: built") }
