package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2023, time.March, 5, 7, 4, 9, 123456789, time.UTC)
	for _, l := range []string{time.RFC3339, time.RFC3339Nano, time.Kitchen, time.ANSIC, time.RFC822Z, time.StampMicro, "2006-01-02T15:04:05.000Z07:00", "Monday, 2 January 2006 at 3:04pm", "06/1/2 _2 __2 002", ".999 .000 ,000"} {
		fmt.Println(t.Format(l))
	}
	fmt.Println(t, t.Weekday(), t.YearDay(), t.Unix(), t.UnixMilli(), t.Truncate(time.Hour), t.Round(time.Second))
	fmt.Println(t.Add(-36*time.Hour).Sub(t), t.AddDate(0, 0, 30).Format("Jan 2"), t.Month(), int(t.Month()))
	p, err := time.Parse("2006-01-02 15:04", "2024-02-30 10:00")
	fmt.Println(p, err)
	p, err = time.Parse(time.RFC3339, "2024-06-01T12:30:00+02:00")
	fmt.Println(p, p.UTC(), err)
	d, _ := time.ParseDuration("1h15m30.5s")
	fmt.Println(d, d.Minutes(), d.Round(time.Minute), d.Truncate(time.Hour), time.Duration(999), time.Duration(1001000), d.String())
	loc := time.FixedZone("EST", -5*3600)
	fmt.Println(t.In(loc), t.In(loc).Format(time.RFC1123Z), time.Unix(0, 0).UTC(), time.Time{}, time.Time{}.IsZero())
	y, w := t.ISOWeek()
	fmt.Println(y, w, t.Before(p), t.Equal(t.In(loc)), t == t.In(loc))
}
