package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 29, 13, 4, 5, 123456789, time.UTC)
	fmt.Println(t)
	fmt.Println(t.Format(time.RFC3339), t.Format(time.RFC3339Nano), t.Format("2006-01-02 15:04:05.000"))
	fmt.Println(t.Format("Mon Jan 2 3:04PM 2006"), t.Format(time.Kitchen), t.Format("02/01/06"))
	fmt.Println(t.Weekday(), t.YearDay(), t.Unix(), t.Month(), int(t.Month()))
	y, w := t.ISOWeek()
	fmt.Println(y, w)
	u := t.AddDate(0, 1, 0)
	fmt.Println(u.Format("2006-01-02"), u.Sub(t), t.Add(-36*time.Hour).Format(time.DateTime))
	p, err := time.Parse("2006-01-02 15:04", "2023-12-31 23:59")
	fmt.Println(p, err, p.Before(t), t.After(p), p.Equal(p))
	_, err = time.Parse(time.DateOnly, "2023-13-01")
	fmt.Println(err)
	loc := time.FixedZone("X", -5*3600)
	fmt.Println(t.In(loc), t.In(loc).Format(time.RFC1123Z))
	fmt.Println(t.Truncate(time.Hour).Format(time.TimeOnly), time.Unix(0, 0).UTC())
	days := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Sub(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24
	fmt.Println(days)
}
