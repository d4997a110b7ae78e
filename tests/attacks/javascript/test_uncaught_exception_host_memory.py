# Tries: make the *host* allocate far more than memory_mb by throwing (uncaught) a string that is
# cheap inside V8 (String.prototype.repeat builds a rope of a few KiB) but is flattened and copied,
# several times over, outside the V8 heap when the embedder turns the exception into its report
# (V8 message -> std::string -> Python str -> stack-trace processing); the output cap is applied
# to that report only after it was built. 64 MiB of thrown text under memory_mb=16.
# Published: CWE-770 "Allocation of Resources Without Limits or Throttling"; V8's rope
# ("ConsString") representation of concatenated / repeated strings (v8.dev blog and V8 source
# src/objects/string.h), which makes a huge string cheap until something flattens it; isolated-vm's
# README note that its memoryLimit bounds the isolate's heap, not what the embedder copies out.
import time

from tests.memhelp import peak_growth_mb

# Worker only: in-process, mini-racer copies the flattened text out of V8 to build the exception
# message before any cap of ours applies (288 MiB here); ARCHITECTURE.md lists it with ICU memory as
# an in-process non-goal, and the worker (the default) is the layer that bounds it.
SAFE_IN_PROCESS = False

MEMORY_MB = 16
ALLOWANCE_MB = 2 * MEMORY_MB + 64  # the worker's own allowance for memory outside the V8 heap


def test_thrown_rope_does_not_grow_the_host(js, assert_clean):
    with peak_growth_mb() as grew:
        t0 = time.monotonic()
        r = js("throw 'x'.repeat(2 ** 26)", memory_mb=MEMORY_MB)
        elapsed = time.monotonic() - t0
        time.sleep(0.3)  # work the engine still does after the result came back
    assert r.status in ("error", "output_limit", "memory_limit"), r.status
    assert elapsed < 3.0
    assert len(r.stdout.encode()) + len(r.stderr.encode()) <= (1 << 20) + 4096
    assert grew[0] < ALLOWANCE_MB, f"host RSS grew by {grew[0]} MiB for a run limited to {MEMORY_MB} MiB ({r.status})"
    assert_clean()
