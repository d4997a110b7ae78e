package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strings"
)

var logLine = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}) (\w+) \[(?P<mod>[a-z]+)\] (.*)$`)
var email = regexp.MustCompile(`(?i)[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}`)

func main() {
	levels := map[string]int{}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		m := logLine.FindStringSubmatch(sc.Text())
		if m == nil {
			fmt.Println("unparsed:", sc.Text())
			continue
		}
		levels[m[2]]++
		mod := m[logLine.SubexpIndex("mod")]
		fmt.Printf("%s %-5s %-4s %s | emails=%v\n", m[1], m[2], mod, strings.ToUpper(m[4][:1])+m[4][1:], email.FindAllString(m[4], -1))
	}
	fmt.Println(levels)
	re := regexp.MustCompile(`(\w+)@(\w+)`)
	fmt.Println(re.ReplaceAllString("ann@home bob@work", "$2:$1"))
	fmt.Println(regexp.MustCompile(`a+b*`).FindAllStringIndex("aab ab b aaa", -1))
	fmt.Println(regexp.MustCompile(`\s+`).Split("a  b \t c", -1), regexp.QuoteMeta("1+1=2?"))
	_, err := regexp.Compile(`(unclosed`)
	fmt.Println(err)
	fmt.Println(regexp.MustCompile(`^\d+$`).MatchString("12345"), regexp.MustCompile(`x*`).ReplaceAllLiteralString("abc", "-"))
}
