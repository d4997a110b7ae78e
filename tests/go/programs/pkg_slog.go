package main

import (
	"context"
	"log/slog"
	"os"
)

type user struct{ ID int; Name string }

func (u user) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("id", u.ID), slog.String("name", u.Name))
}

func noTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	return a
}

func main() {
	opts := &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: noTime}
	text := slog.New(slog.NewTextHandler(os.Stdout, opts))
	text.Info("starting", "version", "1.2", "workers", 4)
	text.Debug("detail", slog.Float64("ratio", 0.25), slog.Bool("ok", true))
	text.With("req", 7).WithGroup("http").Warn("slow", "ms", 1500, "path", "/a b")
	text.Error("failed", "err", os.ErrNotExist, "user", user{1, "ann"})
	js := slog.New(slog.NewJSONHandler(os.Stdout, opts))
	js.Info("json", "n", 3, "list", []int{1, 2}, slog.Group("g", "a", 1, "b", "two"))
	js.LogAttrs(context.Background(), slog.LevelWarn, "attrs", slog.Any("u", user{2, "bo"}))
	quiet := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelWarn, ReplaceAttr: noTime}))
	quiet.Info("hidden")
	quiet.Warn("shown", "enabled", quiet.Enabled(context.Background(), slog.LevelInfo))
	var lv slog.LevelVar
	lv.Set(slog.LevelError)
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{Level: &lv, ReplaceAttr: noTime})))
	slog.Warn("dropped")
	slog.Error("kept", "level", lv.Level())
	slog.Info("x")
}
