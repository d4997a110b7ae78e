package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"unicode"
)

type parser struct {
	s   []rune
	pos int
}

func (p *parser) peek() rune {
	for p.pos < len(p.s) && unicode.IsSpace(p.s[p.pos]) {
		p.pos++
	}
	if p.pos < len(p.s) {
		return p.s[p.pos]
	}
	return 0
}

func (p *parser) expr() float64 {
	v := p.term()
	for {
		switch p.peek() {
		case '+':
			p.pos++
			v += p.term()
		case '-':
			p.pos++
			v -= p.term()
		default:
			return v
		}
	}
}

func (p *parser) term() float64 {
	v := p.factor()
	for {
		switch p.peek() {
		case '*':
			p.pos++
			v *= p.factor()
		case '/':
			p.pos++
			d := p.factor()
			if d == 0 {
				panic("division by zero")
			}
			v /= d
		default:
			return v
		}
	}
}

func (p *parser) factor() float64 {
	c := p.peek()
	if c == '-' {
		p.pos++
		return -p.factor()
	}
	if c == '(' {
		p.pos++
		v := p.expr()
		if p.peek() != ')' {
			panic("expected )")
		}
		p.pos++
		return v
	}
	start := p.pos
	for p.pos < len(p.s) && (unicode.IsDigit(p.s[p.pos]) || p.s[p.pos] == '.') {
		p.pos++
	}
	v, err := strconv.ParseFloat(string(p.s[start:p.pos]), 64)
	if err != nil {
		panic(fmt.Sprintf("bad number at %d", start))
	}
	return v
}

func eval(s string) (v float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	p := &parser{s: []rune(s)}
	v = p.expr()
	if p.peek() != 0 {
		return 0, fmt.Errorf("trailing input at %d", p.pos)
	}
	return v, nil
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		v, err := eval(sc.Text())
		if err != nil {
			fmt.Println("error:", err)
		} else {
			fmt.Println(strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
}
