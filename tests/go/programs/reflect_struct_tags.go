package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Config struct {
	Host    string `env:"HOST" default:"localhost"`
	Port    int    `env:"PORT" default:"8080"`
	Debug   bool   `env:"DEBUG"`
	Tags    []string
	private int
}

func describe(v any) {
	t := reflect.TypeOf(v)
	val := reflect.ValueOf(v)
	fmt.Println(t.Name(), t.Kind(), t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := "(unexported)"
		if f.IsExported() {
			fv = fmt.Sprint(val.Field(i).Interface())
		}
		fmt.Printf("  %-7s %-8s env=%-6q default=%-11q value=%s\n", f.Name, f.Type, f.Tag.Get("env"), f.Tag.Get("default"), fv)
	}
}

func main() {
	describe(Config{Host: "example.org", Tags: []string{"a"}})
	c := &Config{}
	v := reflect.ValueOf(c).Elem()
	v.FieldByName("Port").SetInt(9090)
	v.FieldByName("Host").SetString(strings.Repeat("x", 3))
	fmt.Printf("%+v\n", *c)
	for _, x := range []any{1, "s", 2.5, []int{}, map[string]int{}, c, nil} {
		if x == nil {
			fmt.Println("nil")
			continue
		}
		fmt.Print(reflect.TypeOf(x).Kind(), " ")
	}
	fmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}), reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {2}}))
}
