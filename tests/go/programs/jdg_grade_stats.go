package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
)

type stat struct {
	name   string
	scores []float64
}

func (s stat) mean() float64 {
	t := 0.0
	for _, x := range s.scores {
		t += x
	}
	return t / float64(len(s.scores))
}

func (s stat) stddev() float64 {
	m := s.mean()
	v := 0.0
	for _, x := range s.scores {
		v += (x - m) * (x - m)
	}
	return math.Sqrt(v / float64(len(s.scores)))
}

func main() {
	var all []stat
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		s := stat{name: f[0]}
		for _, x := range f[1:] {
			v, _ := strconv.ParseFloat(x, 64)
			s.scores = append(s.scores, v)
		}
		all = append(all, s)
	}
	for _, s := range all {
		fmt.Printf("%-5s mean=%6.2f sd=%5.2f n=%d\n", s.name, s.mean(), s.stddev(), len(s.scores))
	}
}
