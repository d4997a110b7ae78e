"""Spill directories of processes that died before close() are removed by the next cache."""
import os
import subprocess
import sys

from sandboxes.go._wasm import ModuleCache


def test_orphaned_spill_directories_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    dead_pid = int(dead.stdout)
    base = tmp_path / "modules"
    base.mkdir(mode=0o700)
    orphan = base / f"p{dead_pid}-deadbeef"
    orphan.mkdir(mode=0o700)
    (orphan / "m.cwasm").write_bytes(b"x" * 1024)
    alive = base / f"p{os.getpid()}-cafecafe"
    alive.mkdir(mode=0o700)
    unrelated = base / "notes"
    unrelated.mkdir()

    cache = ModuleCache(base, entries=1)
    try:
        assert not orphan.exists()
        assert alive.exists() and unrelated.exists()
    finally:
        cache.close()
