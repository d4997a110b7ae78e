package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

func main() {
	var b bytes.Buffer
	b.WriteString("hello ")
	b.Write([]byte("world"))
	b.WriteByte('!')
	fmt.Fprintf(&b, " %d", 42)
	fmt.Println(b.String(), b.Len())
	word, err := b.ReadString(' ')
	fmt.Printf("%q %v %q\n", word, err, b.String())
	fmt.Println(bytes.Contains([]byte("seafood"), []byte("foo")), bytes.ToUpper([]byte("x")), bytes.Equal(nil, []byte{}))
	fields := bytes.Fields([]byte(" a bb  ccc "))
	fmt.Printf("%q\n", fields)
	fmt.Println(string(bytes.Join(fields, []byte("-"))), bytes.Count([]byte("cheese"), []byte("e")))
	fmt.Println(string(bytes.TrimSpace([]byte("  x  "))), bytes.IndexByte([]byte("abc"), 'c'))
	r := bytes.NewReader([]byte("0123456789"))
	buf := make([]byte, 4)
	n, _ := r.Read(buf)
	fmt.Println(n, string(buf), r.Len())
	bin := make([]byte, 8)
	binary.BigEndian.PutUint32(bin, 0xDEADBEEF)
	binary.LittleEndian.PutUint16(bin[4:], 0x1234)
	fmt.Printf("% x %d\n", bin, binary.BigEndian.Uint16(bin[4:]))
	vb := binary.AppendUvarint(nil, 300)
	v, k := binary.Uvarint(vb)
	fmt.Println(vb, v, k)
}
