package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"
)

// A tiny in-memory file system implementing fs.FS, walked with fs.WalkDir.
type memFS map[string]string

type memFile struct {
	name string
	r    *strings.Reader
	size int64
	dir  bool
}

type info struct {
	name string
	size int64
	dir  bool
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) ModTime() time.Time { return time.Time{} }
func (i info) IsDir() bool        { return i.dir }
func (i info) Sys() any           { return nil }
func (i info) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}

func (f *memFile) Stat() (fs.FileInfo, error) { return info{f.name, f.size, f.dir}, nil }
func (f *memFile) Read(b []byte) (int, error) {
	if f.dir {
		return 0, errors.New("is a directory")
	}
	return f.r.Read(b)
}
func (f *memFile) Close() error { return nil }

type memDir struct {
	memFile
	entries []fs.DirEntry
	pos     int
}

func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.pos:]
	if n <= 0 {
		d.pos = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.pos += n
	return rest[:n], nil
}

func (m memFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if body, ok := m[name]; ok {
		return &memFile{name: pathBase(name), r: strings.NewReader(body), size: int64(len(body))}, nil
	}
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	seen := map[string]bool{}
	var entries []fs.DirEntry
	for k := range m {
		if !strings.HasPrefix(k, prefix) {
			continue
		}
		rest := k[len(prefix):]
		child, _, isDir := strings.Cut(rest, "/")
		if seen[child] {
			continue
		}
		seen[child] = true
		size := int64(0)
		if !isDir {
			size = int64(len(m[k]))
		}
		entries = append(entries, fs.FileInfoToDirEntry(info{child, size, isDir}))
	}
	if len(entries) == 0 {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return &memDir{memFile: memFile{name: pathBase(name), dir: true}, entries: entries}, nil
}

func pathBase(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[i+1:]
	}
	return p
}

func main() {
	fsys := memFS{"a.txt": "alpha\n", "dir/b.txt": "bravo bravo\n", "dir/sub/c.go": "package c\n", "z/y/x": ""}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		i, _ := d.Info()
		fmt.Printf("%-14s dir=%-5v mode=%v size=%d\n", p, d.IsDir(), i.Mode(), i.Size())
		return nil
	})
	fmt.Println("walk:", err)
	b, err := fs.ReadFile(fsys, "dir/b.txt")
	fmt.Printf("%q %v\n", b, err)
	_, err = fs.ReadFile(fsys, "missing.txt")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist))
	ents, err := fs.ReadDir(fsys, "dir")
	for _, e := range ents {
		fmt.Println(e.Name(), e.IsDir(), e.Type())
	}
	fmt.Println(err)
	matches, err := fs.Glob(fsys, "dir/*.txt")
	fmt.Println(matches, err)
	for _, p := range []string{"a/b", "/abs", "a/../b", ".", "", "a//b"} {
		fmt.Printf("valid(%q)=%v ", p, fs.ValidPath(p))
	}
	fmt.Println()
	fmt.Println(fs.FileMode(0o755|fs.ModeDir), fs.FileMode(0o4644), fs.ModeSymlink|0o777)
	sub, err := fs.Sub(fsys, "dir")
	b, err2 := fs.ReadFile(sub, "sub/c.go")
	fmt.Printf("%q %v %v\n", b, err, err2)
}
