# Tries: call a WASI import with arguments of our choosing without //go:wasmimport or package syscall:
# reflect.SliceHeader over linear memory finds the pclntab (magic 0xfffffff1), looks up the Go wrapper
# "syscall.fd_write" by name, and a forged funcval calls it with N iovecs that all point at the same 8 MiB
# buffer (or 16M empty iovecs), so that a host shim written in Python (our fd_write) copies N times the
# guest's memory before applying the output cap, or loops outside the epoch deadline's reach.
# Published: function-pointer forging via reflect/unsafe in Go ("Breaking Type Safety in Go", Costa et al.,
# IEEE TSE 2021); "Wasm host functions must validate guest-controlled lengths" - wasmtime's own fd_write
# bounds iovecs by the guest memory (wasi-common `IoVec` guest slices), CWE-789 / CWE-400.
import time

from tests.go.gohelp import run
from tests.memhelp import peak_growth_mb

FORGE = r'''package main

import (
	"fmt"
	"reflect"
)

//go:noinline
func marker() int { return 7 }

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
	var fdWrite func(fd int32, iovs *iovec, n uint32, nw *uint32) uint32
	fv := &struct{ fn uintptr }{pc}
	*(*uintptr)(reflect.ValueOf(&fdWrite).UnsafePointer()) = reflect.ValueOf(fv).Pointer()
	PAYLOAD
}
'''

AMPLIFY = FORGE.replace("PAYLOAD", '''buf := make([]byte, 8<<20)
	p := uint32(reflect.ValueOf(&buf[0]).Pointer())
	iov := make([]iovec, 64) // 64 x 8 MiB = 512 MiB copied by the host for one call
	for i := range iov {
		iov[i] = iovec{p, uint32(len(buf))}
	}
	var nw uint32
	fmt.Println("errno", fdWrite(2, &iov[0], uint32(len(iov)), &nw))''')

SPIN = FORGE.replace("PAYLOAD", '''iov := make([]iovec, 16<<20) // 16M empty iovecs: no output, only host-side looping
	var nw uint32
	for {
		fdWrite(1, &iov[0], uint32(len(iov)), &nw)
	}''')




def test_fd_write_iovecs_do_not_amplify_host_memory():
    # measured on the first run: glibc keeps freed 8 MiB chunks resident, so a second run would reuse them
    with peak_growth_mb() as grew:
        r = run(AMPLIFY, timeout=30, memory_mb=64)
    assert r.status == "output_limit", (r.status, r.stdout, r.stderr[:200])  # the forged call did reach fd_write
    assert grew[0] < 256, f"host RSS grew by {grew[0]} MB during one run"


def test_forged_fd_write_loop_respects_the_deadline():
    # build and compile once: under 16 MiB the 128 MiB iovec array fails at once (memory_limit), nothing loops
    warm = run(SPIN, timeout=30, memory_mb=16)
    assert warm.status == "memory_limit", (warm.status, warm.stderr[:200])
    t0 = time.monotonic()
    r = run(SPIN, timeout=1)
    elapsed = time.monotonic() - t0
    assert r.status == "timeout", (r.status, r.stdout, r.stderr[:200])  # "ok" would mean no forged call
    assert elapsed < 2.5, f"a timeout=1 run took {elapsed:.1f} s"
