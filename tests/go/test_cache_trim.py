"""The build-cache trim never removes the standard library's own files (found by the issue-13 Go suite).

Go refreshes a cache entry's mtime only once it is an hour old, so by time alone a standard-library
archive a build merely read looked "added during this build", and beyond ``go.build_cache_mb`` the
archives looked least recently used: both trims removed them and later builds failed with
``could not import os``. The standard-library build now records its files, and trimming skips them.
"""
from __future__ import annotations

import os
import time

from sandboxes.go._toolchain import BIG_CACHE_FILE_BYTES, Toolchain


def _toolchain(gocache, bound):
    tc = object.__new__(Toolchain)
    tc.gocache = gocache
    tc.build_cache_bytes = bound
    return tc


def _file(path, size, age_s):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    t = time.time() - age_s
    os.utime(path, (t, t))
    return path


def test_the_standard_library_files_survive_both_trims(tmp_path):
    big = BIG_CACHE_FILE_BYTES + 1
    std_old = _file(tmp_path / "ab" / "std-old-d", big, age_s=7200)  # oldest: first to go by LRU
    std_new = _file(tmp_path / "cd" / "std-new-d", big, age_s=0)  # "added during this build" by its mtime
    tc = _toolchain(tmp_path, bound=3 * big)
    tc._protect_stdlib_files()
    leftover = _file(tmp_path / "ef" / "prog-d", big, age_s=0)  # a program's large output: removed
    lru = [_file(tmp_path / f"0{i}" / "old-d", big // 2, age_s=3600 + i) for i in range(6)]
    tc.trim_build_cache(since=time.time() - 0.5, known=set())
    assert std_old.exists() and std_new.exists()
    assert not leftover.exists()
    assert sum(p.exists() for p in lru) < len(lru)  # beyond the bound, the program's older files went


def test_without_a_record_the_trim_is_unchanged(tmp_path):
    big = BIG_CACHE_FILE_BYTES + 1
    added = _file(tmp_path / "ab" / "new-d", big, age_s=0)
    _toolchain(tmp_path, bound=None).trim_build_cache(since=time.time() - 0.5, known=set())
    assert not added.exists()
