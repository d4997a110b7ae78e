// The follow-up probe: prints what a run sees of the state an attack could try to change for the next run
// (environment, files, working directory, package-level state). The audit compares it before and after.
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	_, err1 := os.ReadFile("poison.txt")
	_, err2 := os.ReadFile("/tmp/poison.txt")
	wd, _ := os.Getwd()
	fmt.Println("env", len(os.Environ()), os.Getenv("POISON"))
	fmt.Println("files", err1 != nil, err2 != nil, wd)
	fmt.Println("zone", time.Local.String())
}
