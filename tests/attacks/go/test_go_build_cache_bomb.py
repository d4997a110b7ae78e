# Tries: a 600-byte program whose constant string doubles 19 times (const s{i} = s{i-1} + s{i-1}) so the
# compiler folds a 32 MiB string into static data: every distinct program then leaves ~32 MiB in the Go
# build cache on the host's disk (never trimmed by us; `go` trims only entries unused for 5 days) and
# ~80 MiB (module + its wasm bytes) in the in-memory module cache, whatever memory_mb says.
# Published: "zip bomb" / decompression-amplification class (CWE-409); Go build cache trimming policy
# (cmd/go/internal/cache: trimInterval 1 day, trimLimit 5 days); https://github.com/golang/go/issues/29561 ("GOCACHE appears to lack disk size limit").
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path


from tests.go.gohelp import policy, run


def _bomb(tag: int, levels: int = 19) -> str:
    src = f'package main\nimport "fmt"\nconst s0 = "{tag:064d}"\n'
    src += "".join(f"const s{i} = s{i - 1} + s{i - 1}\n" for i in range(1, levels + 1))
    return src + f'var big = s{levels}\nfunc main() {{ fmt.Println(len(big)) }}\n'


def _tree_bytes(path: str) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total




def test_small_program_leaves_little_on_disk():
    # the baseline the bomb is measured against: an ordinary program adds kilobytes to the build
    # cache (its compiled module, ~11 MB, goes to the module cache, bounded by go.module_cache_mb)
    cache = os.path.join(policy().go.cache_dir, "gocache")
    before = _tree_bytes(cache)
    r = run(f'package main\nimport "fmt"\nfunc main() {{ fmt.Println({time.time_ns()}) }}\n', timeout=30)
    assert r.status == "ok"
    assert _tree_bytes(cache) - before < 1 << 20


def test_constant_string_bomb_does_not_fill_the_build_cache():
    cache = policy().go.cache_dir
    before = _tree_bytes(cache)
    r = run(_bomb(time.time_ns()), timeout=30)
    assert r.status in ("ok", "timeout", "compile_error"), (r.status, r.stderr[:200])
    grown = _tree_bytes(cache) - before
    assert grown < 8 << 20, f"the host cache grew by {grown >> 20} MiB for one {len(_bomb(0))}-byte program"


def _unused_bomb(tag: int, levels: int = 19) -> str:
    # The same 32 MiB constant in a variable nothing reads: the linker drops it (the module stays
    # ~2.5 MB), but the package archive in the build cache keeps it.
    return _bomb(tag, levels).replace("fmt.Println(len(big))", "fmt.Println(1)")


def test_an_unused_constant_bomb_does_not_fill_the_build_cache():
    gocache = os.path.join(policy().go.cache_dir, "gocache")
    bound = policy().go.build_cache_mb << 20
    before = _tree_bytes(gocache)
    for k in range(3):
        r = run(_unused_bomb(time.time_ns() + k), timeout=30)
        assert r.status == "ok" and r.stdout == "1\n", (r.status, r.stderr[:200])
        size = _tree_bytes(gocache)
        assert size <= bound
    grown = _tree_bytes(gocache) - before
    assert grown < 8 << 20, f"the build cache grew by {grown >> 20} MiB for 3 programs of {len(_unused_bomb(0))} bytes"


def test_the_build_cache_is_bounded_in_bytes_least_recently_used_first(tmp_path):
    from sandboxes.go._toolchain import Toolchain

    tc = Toolchain(tmp_path / "cache", None)
    tc.build_cache_bytes = 4 << 20
    for k in range(12):  # 12 MiB of entries, used at times 1000..12000
        d = tmp_path / "cache" / "gocache" / f"{k:02x}"
        d.mkdir(exist_ok=True)
        f = d / f"{k:064x}-d"
        f.write_bytes(b"\0" * (1 << 20))
        os.utime(f, (1000 * (k + 1), 1000 * (k + 1)))
    assert tc.trim_build_cache(since=None) <= 4 << 20
    assert _tree_bytes(str(tmp_path / "cache" / "gocache")) <= 4 << 20
    assert (tmp_path / "cache" / "gocache" / "0b" / f"{11:064x}-d").exists()  # the most recent stays
    assert not (tmp_path / "cache" / "gocache" / "00" / f"{0:064x}-d").exists()


def test_module_cache_memory_is_bounded():
    # In a process of its own: six 32 MiB modules compiled in the test process would leave it
    # hundreds of MiB of engine mappings that later in-process memory tests measure against.
    script = textwrap.dedent(f"""
        import dataclasses, os, sys, time
        sys.path.insert(0, {str(Path(__file__).resolve().parents[3])!r})
        import sandboxes
        from tests.attacks.go.test_go_build_cache_bomb import _bomb
        from tests.go.gohelp import make_policy, rss_mb
        from pathlib import Path
        policy = make_policy(Path({policy().go.cache_dir!r}))
        with sandboxes.Sandbox(policy) as sb:
            sb.run("go", 'package main\\nfunc main() {{}}\\n', timeout=30)
            base = rss_mb()
            for k in range(6):
                r = sb.run("go", _bomb(time.time_ns() + k), timeout=30, memory_mb=64)
                assert r.status in ("ok", "memory_limit"), (r.status, r.stderr[:200])
            print(rss_mb() - base)
    """)
    cp = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert cp.returncode == 0, cp.stderr[-2000:]
    grown = int(cp.stdout.split()[-1])
    assert grown < 256, f"host RSS grew by {grown} MiB for 6 cached programs"
