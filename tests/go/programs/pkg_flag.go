package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	n := flag.Int("n", 10, "how many")
	name := flag.String("name", "world", "who to greet")
	verbose := flag.Bool("v", false, "verbose")
	wait := flag.Duration("wait", 1500*time.Millisecond, "how long")
	var tags list
	flag.Var(&tags, "tag", "a tag (repeatable)")
	flag.Parse()
	fmt.Println(*n, *name, *verbose, *wait, tags.String(), flag.NArg(), flag.Args(), flag.NFlag(), flag.Parsed())
	flag.CommandLine.SetOutput(os.Stdout)
	flag.PrintDefaults()
	flag.VisitAll(func(f *flag.Flag) { fmt.Printf("%s=%s (default %s)\n", f.Name, f.Value, f.DefValue) })

	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	k := fs.Int("k", 1, "k")
	upper := fs.Bool("upper", false, "upper-case")
	err := fs.Parse([]string{"-k", "7", "--upper", "rest", "-x"})
	fmt.Println(*k, *upper, fs.Args(), err)
	err = fs.Parse([]string{"-k", "seven"})
	fmt.Println("err:", err)
	err = fs.Parse([]string{"-nope"})
	fmt.Println("err:", err)
}
