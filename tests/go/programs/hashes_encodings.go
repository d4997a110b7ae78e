package main

import (
	"bufio"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"os"
)

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		b := sc.Bytes()
		fmt.Printf("%q\n md5 %x\n sha1 %x\n sha256 %x\n", b, md5.Sum(b), sha1.Sum(b), sha256.Sum256(b))
		fmt.Printf(" sha512/256 %x\n crc32 %08x\n", sha512.Sum512_256(b), crc32.ChecksumIEEE(b))
		h := fnv.New64a()
		h.Write(b)
		fmt.Printf(" fnv64a %d\n b64 %s\n url %s\n hex %s\n", h.Sum64(), base64.StdEncoding.EncodeToString(b),
			base64.RawURLEncoding.EncodeToString(b), hex.EncodeToString(b))
	}
	d, err := base64.StdEncoding.DecodeString("aGVsbG8gd29ybGQ=")
	fmt.Println(string(d), err)
	_, err = hex.DecodeString("zz")
	fmt.Println(err)
	h := sha256.New()
	h.Write([]byte("part1"))
	h.Write([]byte("part2"))
	fmt.Printf("%x\n", h.Sum(nil))
	fmt.Print(hex.Dump([]byte("dump me, 20 bytes!!")))
}
