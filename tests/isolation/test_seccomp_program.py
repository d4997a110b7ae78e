"""The hand-built seccomp BPF programs, evaluated by a small classic-BPF interpreter (no kernel needed)."""

from __future__ import annotations

import struct

import pytest

from sandboxes.isolation import _kernel as K

if K.ARCH not in ("x86_64", "aarch64"):
    pytest.skip("no syscall table for this architecture", allow_module_level=True)

ALLOW, KILL = 0x7FFF0000, 0x80000000
NR = K._NR[K.ARCH]
ARCH = K._AUDIT_ARCH[K.ARCH]
PID = 4242


def evaluate(prog: list[bytes], nr: int, args: tuple[int, ...] = (), arch: int = ARCH) -> int:
    """Run the filter on one seccomp_data (nr, arch, ip, args) the way the kernel's classic BPF does."""
    a6 = (list(args) + [0] * 6)[:6]
    data = struct.pack("=iIQ6Q", nr, arch, 0, *a6)
    pc, acc, steps = 0, 0, 0
    while True:
        steps += 1
        assert steps < 10_000 and 0 <= pc < len(prog), "jump out of the program"
        code, jt, jf, k = struct.unpack("=HBBI", prog[pc])
        if code == 0x20:
            acc = struct.unpack_from("=I", data, k)[0]
            pc += 1
        elif code == 0x06:
            return k
        elif code in (0x15, 0x35, 0x45):
            taken = acc == k if code == 0x15 else acc >= k if code == 0x35 else bool(acc & k)
            pc += 1 + (jt if taken else jf)
        else:
            raise AssertionError(f"unexpected opcode {code:#x}")


@pytest.mark.parametrize("profile", ["child", "threads", "toolchain"])
def test_ordinary_calls_are_allowed_and_dangerous_ones_killed(profile):
    prog = K.seccomp_program(profile, PID)
    for name in ("landlock_create_ruleset", "seccomp", "capset", "setrlimit"):
        assert evaluate(prog, NR[name]) == ALLOW, name
    for nr in (0, 1, 3, 9, 60, 231):  # read/write/close/mmap/exit/exit_group on x86_64, harmless elsewhere
        if nr not in NR.values() or K.ARCH == "x86_64":
            assert evaluate(prog, nr) == ALLOW, nr
    for name in ("socket", "connect", "ptrace", "mount", "unshare", "bpf", "io_uring_setup", "keyctl"):
        assert evaluate(prog, NR[name]) == KILL, name
    assert evaluate(prog, NR["socket"], arch=0x40000003) == KILL  # another architecture
    assert evaluate(prog, 1, arch=0x40000003) == KILL


def test_child_profile_denies_every_new_process_or_thread():
    prog = K.seccomp_program("child", PID)
    assert evaluate(prog, NR["clone"], (K.CLONE_THREAD | 0x100,)) == KILL
    assert evaluate(prog, NR["clone"], (0x11,)) == KILL
    assert evaluate(prog, NR["clone3"]) == KILL
    assert evaluate(prog, NR["execve"]) == KILL


def test_threads_profile_allows_threads_only():
    prog = K.seccomp_program("threads", PID)
    assert evaluate(prog, NR["clone"], (K.CLONE_THREAD | 0x100 | 0x800,)) == ALLOW
    assert evaluate(prog, NR["clone"], (0x11,)) == KILL  # fork-like clone(SIGCHLD)
    assert evaluate(prog, NR["clone3"]) == 0x00050000 | 38  # ENOSYS: libc falls back to clone
    assert evaluate(prog, NR["execve"]) == KILL


def test_toolchain_profile_allows_exec_but_not_the_network():
    prog = K.seccomp_program("toolchain", PID)
    assert evaluate(prog, NR["execve"]) == ALLOW
    assert evaluate(prog, NR["clone"], (0x11,)) == ALLOW
    assert evaluate(prog, NR["socket"]) == KILL


@pytest.mark.parametrize("profile", ["child", "threads"])
def test_signals_and_limits_only_for_this_process(profile):
    prog = K.seccomp_program(profile, PID)
    assert evaluate(prog, NR["kill"], (PID, 11)) == ALLOW
    assert evaluate(prog, NR["kill"], (1, 9)) == KILL
    assert evaluate(prog, NR["kill"], ((-1) & 0xFFFFFFFFFFFFFFFF, 9)) == KILL
    assert evaluate(prog, NR["tgkill"], (PID, PID, 6)) == ALLOW
    assert evaluate(prog, NR["tgkill"], (PID + 1, PID + 1, 6)) == KILL
    assert evaluate(prog, NR["prlimit64"], (0, 9, 0, 0)) == ALLOW
    assert evaluate(prog, NR["prlimit64"], (PID, 9, 0, 0)) == ALLOW
    assert evaluate(prog, NR["prlimit64"], (PID + 1, 9, 0, 0)) == KILL
