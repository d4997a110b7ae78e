package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Row struct {
	Name  string
	Score int
}

func main() {
	var rows []Row
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		var r Row
		if _, err := fmt.Sscan(sc.Text(), &r.Name, &r.Score); err == nil {
			rows = append(rows, r)
		}
	}
	t := template.Must(template.New("r").Funcs(template.FuncMap{
		"bar": func(n int) string { return strings.Repeat("#", n/10) },
	}).Parse(`{{- range . -}}
{{printf "%-6s" .Name}} {{printf "%3d" .Score}} {{bar .Score}}{{if ge .Score 90}} top{{end}}
{{end -}}
count: {{len .}}
`))
	if err := t.Execute(os.Stdout, rows); err != nil {
		fmt.Println(err)
	}
}
