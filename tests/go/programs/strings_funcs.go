package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	s := "  Hello, World! Hello, Go!  "
	t := strings.TrimSpace(s)
	fmt.Printf("%q\n", t)
	fmt.Println(strings.Count(t, "Hello"), strings.Index(t, "Go"), strings.LastIndex(t, "Hello"), strings.IndexByte(t, '!'))
	fmt.Println(strings.ToUpper(t), strings.ToLower(t), strings.Title("x"))
	fmt.Println(strings.Replace(t, "Hello", "Bye", 1), strings.ReplaceAll(t, "l", "L"))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.Fields(" a  b\tc\n d "))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b2c33d", unicode.IsDigit))
	fmt.Println(strings.Repeat("ab", 3), strings.HasPrefix(t, "Hell"), strings.HasSuffix(t, "Go!"))
	fmt.Println(strings.Contains(t, "World"), strings.ContainsAny(t, "xyz!"), strings.ContainsRune(t, 'W'))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Compare("a", "b"), strings.TrimLeft("xxabcxx", "x"))
	fmt.Println(strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("file.go", ".go"), strings.Trim("--x--", "-"))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		if unicode.IsLower(r) {
			return unicode.ToUpper(r)
		}
		return r
	}, "Hello World"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"), strings.IndexFunc("abc1", unicode.IsDigit))
	fmt.Printf("%q\n", strings.SplitAfter("a.b.c", "."))
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&sb, "%d;", i*i)
	}
	sb.WriteRune('é')
	fmt.Println(sb.String(), sb.Len())
}
