package main

import (
	"bufio"
	"log/slog"
	"os"
	"strings"
)

func main() {
	h := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		Level: slog.LevelInfo,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			if a.Key == slog.LevelKey {
				a.Value = slog.StringValue(strings.ToLower(a.Value.String()))
			}
			return a
		},
	})
	l := slog.New(h).With("service", "grader")
	sc := bufio.NewScanner(os.Stdin)
	for i := 1; sc.Scan(); i++ {
		lvl, msg, _ := strings.Cut(sc.Text(), " ")
		var level slog.Level
		if err := level.UnmarshalText([]byte(lvl)); err != nil {
			l.Error("bad level", "line", i, "err", err.Error())
			continue
		}
		l.Log(nil, level, msg, "line", i)
	}
}
