# Tries: read what the previous run left in linear memory. Stores take their memory from wasmtime's
# pooling allocator, whose slots are reused run after run and (for the first 16 MiB) kept resident
# rather than returned to the kernel; a slot handed out without being zeroed would give the next
# program the previous one's data. The reader allocates a large slice (Go trusts memory.grow to
# return zeroed pages and does not clear them) and also scans all of its linear memory through a
# reflect-built slice.
# Published: wasmtime's pooling allocator docs (linear_memory_keep_resident: "memset to zero" on
# release) and advisory GHSA-wh6w-3828-g9qf (CVE-2023-26489, memory of one instance visible to
# another after a slot reuse); CWE-226 "Sensitive Information in Resource Not Removed Before Reuse".
import threading

from sandboxes.go import _wasm
from tests.go.gohelp import run

WRITER = '''package main

import "fmt"

func main() {
	marker := []byte("RESIDUE-OF-THE-LAST-RUN!")
	buf := make([]byte, 32<<20)
	for i := 0; i+len(marker) <= len(buf); i += len(marker) {
		copy(buf[i:], marker)
	}
	fmt.Println("wrote", len(buf))
}
'''

READER = '''package main

import (
	"bytes"
	"fmt"
	"reflect"
)

func wild(base uintptr, n int) []byte {
	var s []byte
	sh := (*reflect.SliceHeader)(reflect.ValueOf(&s).UnsafePointer())
	sh.Data, sh.Len, sh.Cap = base, n, n
	return s
}

func main() {
	marker := []byte("RESIDUE-OF-THE-LAST-")
	buf := make([]byte, 48<<20)
	end := reflect.ValueOf(buf).Pointer() + uintptr(len(buf))
	fmt.Println("fresh slice holds residue:", bytes.Contains(buf, marker))
	fmt.Println("linear memory holds residue:", bytes.Count(wild(0, int(end)), marker) > 1)
}
'''


def test_a_reused_memory_slot_holds_nothing_of_the_last_run():
    for _ in range(3):
        w = run(WRITER, timeout=30)
        assert w.status == "ok" and w.stdout == f"wrote {32 << 20}\n", (w.status, w.stderr[:200])
        r = run(READER, timeout=30)
        assert r.status == "ok", (r.status, r.stderr[:300])
        # (the reader's own literal is in its data segment once: more than one hit would be residue)
        assert r.stdout == "fresh slice holds residue: false\nlinear memory holds residue: false\n", r.stdout


def test_runs_beyond_the_pool_wait_for_a_slot_within_their_deadline():
    small = 'package main\nfunc main() { println("x") }\n'
    waiter = 'package main\nimport "fmt"\nfunc main() { fmt.Println("got a slot") }\n'
    assert run(small, timeout=30).status == "ok" and run(waiter, timeout=30).status == "ok"  # built and cached
    slots = _wasm.engines().slots
    held = {tier: 0 for tier in slots}
    try:
        for tier, sem in slots.items():
            while sem.acquire(blocking=False):
                held[tier] += 1
        r = run(small, timeout=0.5)
        assert r.status == "timeout", (r.status, r.stderr[:200])
        assert r.extra.get("stop_detail") == "wasmtime:pool" or "free slot" in r.stderr
        # a run that is waiting gets the slot as soon as one is released
        box = {}
        t = threading.Thread(target=lambda: box.setdefault("r", run(waiter, timeout=30)))
        t.start()
        for tier, sem in slots.items():
            sem.release()
            held[tier] -= 1
        t.join(30)
        assert box["r"].status == "ok" and box["r"].stdout == "got a slot\n"
    finally:
        for tier, sem in slots.items():
            for _ in range(held[tier]):
                sem.release()
