package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Qty   int
}

func (i Item) Total() float64 { return i.Price * float64(i.Qty) }

const invoice = `Invoice for {{.Customer | upper}}
{{range $i, $it := .Items}}{{add $i 1}}. {{printf "%-8s" $it.Name}} {{$it.Qty}} x {{printf "%.2f" $it.Price}} = {{printf "%7.2f" $it.Total}}
{{else}}(no items)
{{end}}{{with .Note}}Note: {{.}}
{{end}}{{if gt (len .Items) 2}}bulk order{{else if .Items}}small order{{else}}empty{{end}}
{{define "footer"}}-- {{.}} --{{end}}{{template "footer" "thanks"}}
`

func main() {
	funcs := template.FuncMap{"upper": strings.ToUpper, "add": func(a, b int) int { return a + b }}
	t := template.Must(template.New("inv").Funcs(funcs).Parse(invoice))
	data := struct {
		Customer string
		Items    []Item
		Note     string
	}{Customer: "acme"}
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var it Item
		if _, err := fmt.Sscanf(sc.Text(), "%s %f %d", &it.Name, &it.Price, &it.Qty); err == nil {
			data.Items = append(data.Items, it)
		}
	}
	if err := t.Execute(os.Stdout, data); err != nil {
		fmt.Println("error:", err)
	}
	data.Items, data.Note = nil, "call us"
	t.Execute(os.Stdout, data)
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	template.Must(template.New("m").Parse("{{range $k, $v := .}}{{$k}}={{$v}};{{end}}\n")).Execute(os.Stdout, m)
	_, err := template.New("bad").Parse("{{.Foo")
	fmt.Println(err)
	err = template.Must(template.New("e").Parse("{{.Missing}}\n")).Execute(os.Stdout, data)
	fmt.Println(err)
	fmt.Println(template.HTMLEscapeString("<a href='x'>&</a>"), template.JSEscapeString(`"q"`))
}
