"""The module compiler's process: wasm bytes in on stdin, wasmtime's serialized module out on stdout.

Started by ``_compile.compile_module`` as ``python -I _compile_child.py SETTINGS`` (a script, not
``-m``: it imports nothing of ``sandboxes`` but the kernel layers, loaded by path). Cranelift's
time and memory grow with what the guest wrote (an 880 KB program with 55k call sites took
373 MB), so it runs here, never in the host: before it reads a byte of the module, this process
caps its own address space, CPU time and output size, asks to be killed with its parent, and
drops what it does not need (no new privileges, no exec or sockets by seccomp, no file access by
Landlock). The parent bounds its wall clock and kills its process group at the deadline.

Exit status: 0 with the serialized module on stdout; 3 when wasmtime refused the module (a
message on stderr); anything else (a signal, an abort when memory ran out) is a failure.
"""

import importlib.util
import json
import os
import resource
import signal
import sys
from typing import Any


def _kernel() -> Any:
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "isolation", "_kernel.py")
    spec = importlib.util.spec_from_file_location("_sandboxes_kernel", path)
    if spec is None or spec.loader is None:
        return None
    mod = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(mod)
    except Exception:  # noqa: BLE001 - the rlimits below still hold
        return None
    return mod


def _limit(which: int, value: int) -> None:
    soft, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(which, (value, value))


def main() -> int:
    cfg = json.loads(sys.argv[1])
    if cfg.get("memory_bytes"):
        _limit(resource.RLIMIT_AS, int(cfg["memory_bytes"]))
    _limit(resource.RLIMIT_CPU, int(cfg["cpu_s"]))
    _limit(resource.RLIMIT_FSIZE, int(cfg["max_output_bytes"]))
    _limit(resource.RLIMIT_CORE, 0)
    import wasmtime  # the native library is mapped before Landlock closes the file system

    k = _kernel()
    if k is not None:
        k.set_pdeathsig(signal.SIGKILL)
        if os.getppid() != int(cfg["parent_pid"]):  # the parent is gone already
            return 1
        k.set_not_dumpable()
        if k.set_no_new_privs() is None:
            k.landlock_restrict()
            k.install_seccomp("threads")  # before wasmtime starts its compile threads: they inherit it

    config = wasmtime.Config()
    config.epoch_interruption = True
    config.parallel_compilation = bool(cfg.get("parallel", True))
    from wasmtime import _ffi

    # sandboxes.go._wasm.configure_tier, repeated (this script imports nothing of ours): 1 Cranelift, 2 Winch
    _ffi.wasmtime_config_strategy_set(config.ptr(), {"cranelift": 1, "winch": 2}[cfg["strategy"]])
    config.cranelift_opt_level = cfg["cranelift_opt_level"]
    config.cranelift_flag_set("regalloc_algorithm", cfg["regalloc_algorithm"])
    engine = wasmtime.Engine(config)
    wasm = sys.stdin.buffer.read()
    try:
        module = wasmtime.Module(engine, wasm)
    except wasmtime.WasmtimeError as e:
        sys.stderr.write(str(e).strip().splitlines()[0][:300] if str(e).strip() else "invalid module")
        return 3
    data = module.serialize()
    out = sys.stdout.buffer
    out.write(data)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
