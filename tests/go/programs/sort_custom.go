package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

type Student struct {
	Name  string
	Grade int
	Age   int
}

type ByGrade []Student

func (s ByGrade) Len() int      { return len(s) }
func (s ByGrade) Swap(i, j int) { s[i], s[j] = s[j], s[i] }
func (s ByGrade) Less(i, j int) bool {
	if s[i].Grade != s[j].Grade {
		return s[i].Grade > s[j].Grade
	}
	return s[i].Name < s[j].Name
}

func main() {
	var list []Student
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		f := strings.Split(sc.Text(), ",")
		if len(f) != 3 {
			continue
		}
		g, _ := strconv.Atoi(strings.TrimSpace(f[1]))
		a, _ := strconv.Atoi(strings.TrimSpace(f[2]))
		list = append(list, Student{strings.TrimSpace(f[0]), g, a})
	}
	sort.Sort(ByGrade(list))
	for i, s := range list {
		fmt.Printf("%d. %-6s %3d %2d\n", i+1, s.Name, s.Grade, s.Age)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Age < list[j].Age })
	for _, s := range list {
		fmt.Print(s.Name, " ")
	}
	fmt.Println(sort.IsSorted(ByGrade(list)))
	words := []string{"banana", "Apple", "cherry", "apple"}
	sort.Strings(words)
	fmt.Println(words, sort.SearchStrings(words, "b"))
	fl := []float64{2.5, -1, 3.25, 0}
	sort.Float64s(fl)
	fmt.Println(fl)
}
