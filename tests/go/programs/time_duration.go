package main

import (
	"fmt"
	"time"
)

func main() {
	ds := []time.Duration{0, 1500 * time.Microsecond, 90 * time.Second, 36*time.Hour + 5*time.Minute + 3*time.Second,
		-2 * time.Millisecond, 1, time.Duration(1<<63 - 1)}
	for _, d := range ds {
		fmt.Println(d, d.Seconds(), d.Milliseconds(), d.Round(time.Second), d.Truncate(time.Minute))
	}
	for _, s := range []string{"1h15m30.5s", "300ms", "-1.5h", "2us", "bad"} {
		d, err := time.ParseDuration(s)
		fmt.Println(d, err)
	}
	fmt.Printf("%v %d %s %.1f\n", time.Minute, time.Minute, 3*time.Hour, (90 * time.Minute).Hours())
}
