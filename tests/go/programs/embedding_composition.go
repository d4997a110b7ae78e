package main

import "fmt"

type Logger struct{ prefix string; lines []string }

func (l *Logger) Log(format string, args ...any) {
	l.lines = append(l.lines, l.prefix+fmt.Sprintf(format, args...))
}

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b Base) Name() string  { return b.name }
func (b Base) Sound() string { return "..." }

type Dog struct {
	Base
	Tricks []string
}

func (d Dog) Sound() string { return "woof" }

type Cat struct{ Base }

type Service struct {
	*Logger
	Name string
}

func main() {
	animals := []Animal{Dog{Base{"rex"}, []string{"sit"}}, Cat{Base{"tom"}}}
	for _, a := range animals {
		fmt.Printf("%s says %s (%T)\n", a.Name(), a.Sound(), a)
	}
	d := Dog{Base: Base{"fido"}}
	fmt.Println(d.name, d.Base.Sound(), d.Sound())
	s := Service{&Logger{prefix: "[svc] "}, "api"}
	s.Log("started %s", s.Name)
	s.Log("%d requests", 3)
	fmt.Println(s.lines, len(s.Logger.lines))
}
