"""The kernel layers of the process sandbox, through ctypes: no compiled code, no libseccomp.

Each function applies one layer to the *calling process* (or thread, where the
kernel works per thread) and returns ``None`` on success or a short reason
string when the layer is unavailable here. Nothing here raises for a missing
layer: the caller decides whether a missing layer is fatal (``require:``).

Layers, in the order a confined process applies them:

- ``userns``/``netns``: ``unshare(CLONE_NEWUSER|CLONE_NEWNET)``: an empty
  network namespace (only a downed loopback) and no capabilities in the
  initial user namespace; then ``capset`` clears the capabilities the new
  namespace granted.
- ``rlimits``: address space, CPU seconds, open files, file size 0, no core
  dumps, no new processes.
- ``no_new_privs``: required by unprivileged seccomp and Landlock; exec can
  never gain privileges.
- ``landlock``: a ruleset that handles every filesystem right the kernel
  knows, TCP bind/connect (ABI 4+) and signal/abstract-socket scoping (ABI 6+),
  with no rule granting anything (or read-only rules the caller names).
- ``seccomp``: a hand-built classic BPF filter (see ``seccomp_filter``).
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import resource
import struct
import sys

# ----------------------------------------------------------------- libc access

_libc: ctypes.CDLL | None = None


def _c() -> ctypes.CDLL:
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
        _libc.syscall.restype = ctypes.c_long
        _libc.prctl.restype = ctypes.c_int
        _libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    return _libc


def _errmsg(prefix: str) -> str:
    e = ctypes.get_errno()
    return f"{prefix}: {errno.errorcode.get(e, str(e))} ({os.strerror(e)})"


_MACHINE = platform.machine().lower()
IS_LINUX = sys.platform.startswith("linux")
ARCH = "x86_64" if _MACHINE in ("x86_64", "amd64") else "aarch64" if _MACHINE in ("aarch64", "arm64") else _MACHINE

# Syscall numbers of the two architectures we build filters for. The generic
# table (aarch64) has no fork/vfork/open; numbers >= 424 are shared by both.
_NR: dict[str, dict[str, int]] = {
    "x86_64": {
        "socket": 41, "connect": 42, "accept": 43, "sendto": 44, "sendmsg": 46, "bind": 49, "listen": 50,
        "socketpair": 53, "accept4": 288, "sendmmsg": 307,
        "clone": 56, "fork": 57, "vfork": 58, "execve": 59, "execveat": 322, "clone3": 435,
        "kill": 62, "tkill": 200, "tgkill": 234, "rt_sigqueueinfo": 129, "rt_tgsigqueueinfo": 297,
        "pidfd_send_signal": 424, "pidfd_open": 434, "pidfd_getfd": 438,
        "ptrace": 101, "process_vm_readv": 310, "process_vm_writev": 311, "kcmp": 312, "process_madvise": 440,
        "syslog": 103, "personality": 135, "chroot": 161, "mount": 165, "umount2": 166, "pivot_root": 155,
        "swapon": 167, "swapoff": 168, "reboot": 169, "sethostname": 170, "setdomainname": 171,
        "iopl": 172, "ioperm": 173, "init_module": 175, "finit_module": 313, "delete_module": 176,
        "quotactl": 179, "quotactl_fd": 443, "acct": 163, "settimeofday": 164, "adjtimex": 159,
        "clock_adjtime": 305, "clock_settime": 227, "lookup_dcookie": 212, "kexec_load": 246,
        "kexec_file_load": 320, "add_key": 248, "request_key": 249, "keyctl": 250, "unshare": 272,
        "setns": 308, "migrate_pages": 256, "move_pages": 279, "mbind": 237, "perf_event_open": 298,
        "fanotify_init": 300, "name_to_handle_at": 303, "open_by_handle_at": 304, "bpf": 321,
        "userfaultfd": 323, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
        "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
        "mount_setattr": 442, "memfd_secret": 447, "vhangup": 153, "mknod": 133, "mknodat": 259,
        "uselib": 134, "prlimit64": 302, "setrlimit": 160,
        "capset": 126, "seccomp": 317,
        "landlock_create_ruleset": 444, "landlock_add_rule": 445, "landlock_restrict_self": 446,
    },
    "aarch64": {
        "socket": 198, "connect": 203, "accept": 202, "sendto": 206, "sendmsg": 211, "bind": 200, "listen": 201,
        "socketpair": 199, "accept4": 242, "sendmmsg": 269,
        "clone": 220, "execve": 221, "execveat": 281, "clone3": 435,
        "kill": 129, "tkill": 130, "tgkill": 131, "rt_sigqueueinfo": 138, "rt_tgsigqueueinfo": 240,
        "pidfd_send_signal": 424, "pidfd_open": 434, "pidfd_getfd": 438,
        "ptrace": 117, "process_vm_readv": 270, "process_vm_writev": 271, "kcmp": 272, "process_madvise": 440,
        "syslog": 116, "personality": 92, "chroot": 51, "mount": 40, "umount2": 39, "pivot_root": 41,
        "swapon": 224, "swapoff": 225, "reboot": 142, "sethostname": 161, "setdomainname": 162,
        "init_module": 105, "finit_module": 273, "delete_module": 106,
        "quotactl": 60, "quotactl_fd": 443, "acct": 89, "settimeofday": 170, "adjtimex": 171,
        "clock_adjtime": 266, "clock_settime": 112, "lookup_dcookie": 18, "kexec_load": 104,
        "kexec_file_load": 294, "add_key": 217, "request_key": 218, "keyctl": 219, "unshare": 97,
        "setns": 268, "migrate_pages": 238, "move_pages": 239, "mbind": 235, "perf_event_open": 241,
        "fanotify_init": 262, "name_to_handle_at": 264, "open_by_handle_at": 265, "bpf": 280,
        "userfaultfd": 282, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
        "open_tree": 428, "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
        "mount_setattr": 442, "memfd_secret": 447, "vhangup": 58, "mknodat": 33,
        "prlimit64": 261, "setrlimit": 164,
        "capset": 91, "seccomp": 277,
        "landlock_create_ruleset": 444, "landlock_add_rule": 445, "landlock_restrict_self": 446,
    },
}
_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}


def _nr(name: str) -> int | None:
    return _NR.get(ARCH, {}).get(name)


def _syscall(name: str, *args: int | ctypes.c_void_p | None) -> int:
    nr = _nr(name)
    if nr is None:
        ctypes.set_errno(errno.ENOSYS)
        return -1
    cargs = [ctypes.c_long(a) if isinstance(a, int) else a for a in args]
    return int(_c().syscall(ctypes.c_long(nr), *cargs))


# ----------------------------------------------------------------- prctl bits

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_SECCOMP = 22
PR_SET_NO_NEW_PRIVS = 38
PR_GET_NO_NEW_PRIVS = 39


def set_pdeathsig(sig: int) -> str | None:
    """Ask the kernel to send ``sig`` to us when the thread that created us exits."""
    if not IS_LINUX:
        return "not Linux"
    if _c().prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) != 0:
        return _errmsg("prctl(PR_SET_PDEATHSIG)")
    return None


def set_no_new_privs() -> str | None:
    if not IS_LINUX:
        return "not Linux"
    if _c().prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return _errmsg("prctl(PR_SET_NO_NEW_PRIVS)")
    return None


def set_not_dumpable() -> None:
    """No core dumps and no same-uid ptrace or /proc/<pid>/mem access to this process."""
    if IS_LINUX:
        _c().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


# ----------------------------------------------------------------- namespaces

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
CLONE_THREAD = 0x00010000


def unshare_user_net() -> str | None:
    """Move this (single-threaded) process into new user and network namespaces, then drop capabilities."""
    if not IS_LINUX:
        return "not Linux"
    if _c().unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0:
        return _errmsg("unshare(CLONE_NEWUSER|CLONE_NEWNET)")
    drop_capabilities()
    return None


def drop_capabilities() -> str | None:
    """Clear the effective, permitted and inheritable capability sets (capset v3)."""
    header = struct.pack("=Ii", 0x20080522, 0)
    data = bytes(24)  # two __user_cap_data_struct {effective, permitted, inheritable}
    hbuf = ctypes.create_string_buffer(header, len(header))
    dbuf = ctypes.create_string_buffer(data, len(data))
    if _syscall("capset", ctypes.cast(hbuf, ctypes.c_void_p), ctypes.cast(dbuf, ctypes.c_void_p)) != 0:
        return _errmsg("capset")
    return None


def drop_to_nobody() -> str | None:
    """As root, become nobody/nogroup (65534) with no supplementary groups. Not root: nothing to do."""
    if os.geteuid() != 0:
        return None
    try:
        os.setgroups([])
        os.setresgid(65534, 65534, 65534)
        os.setresuid(65534, 65534, 65534)
    except OSError as e:
        return f"setresuid(nobody): {e.strerror}"
    return None


# ----------------------------------------------------------------- rlimits

def set_rlimit(which: int, soft: int, hard: int | None = None) -> str | None:
    """Set a limit, never above the current hard limit (an unprivileged process cannot raise it)."""
    hard = soft if hard is None else hard
    _, cur_hard = resource.getrlimit(which)
    if cur_hard != resource.RLIM_INFINITY:
        hard = min(hard, cur_hard) if hard != resource.RLIM_INFINITY else cur_hard
        soft = min(soft, hard) if soft != resource.RLIM_INFINITY else hard
    try:
        resource.setrlimit(which, (soft, hard))
    except (ValueError, OSError) as e:
        return f"setrlimit({which}): {e}"
    return None


def address_space_bytes() -> int:
    """This process's current virtual size (the VSZ), from /proc/self/statm."""
    try:
        with open("/proc/self/statm", "rb") as f:
            pages = int(f.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


# ----------------------------------------------------------------- Landlock

_LL_FS_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1, 5: (1 << 16) - 1}
LL_READ_FILE = 1 << 2
LL_READ_DIR = 1 << 3
LL_EXECUTE = 1 << 0
LL_MAKE_CHAR = 1 << 6
LL_MAKE_BLOCK = 1 << 11
LL_FILE_RIGHTS = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 14) | (1 << 15)  # execute, write, read, truncate, ioctl_dev


def landlock_abi() -> int:
    """The Landlock ABI version of this kernel, or 0 (with errno) when absent or disabled."""
    if not IS_LINUX:
        return 0
    v = _syscall("landlock_create_ruleset", None, 0, 1)  # LANDLOCK_CREATE_RULESET_VERSION
    return max(0, v)


def landlock_restrict(read_only: tuple[str, ...] = (), read_write: tuple[str, ...] = (), *,
                      scope: bool = True) -> tuple[int, str | None]:
    """Forbid all filesystem access (except reading/executing ``read_only`` trees and using
    ``read_write`` trees), TCP bind/connect and, when ``scope``, signals and abstract unix sockets
    outside this domain. Paths that do not exist are skipped. Returns (abi, reason)."""
    abi = landlock_abi()
    if abi <= 0:
        return 0, _errmsg("landlock_create_ruleset") if IS_LINUX else "not Linux"
    fs = _LL_FS_ABI.get(abi, _LL_FS_ABI[5])
    net = 0b11 if abi >= 4 else 0  # LANDLOCK_ACCESS_NET_BIND_TCP | CONNECT_TCP
    scoped = 0b11 if (abi >= 6 and scope) else 0  # SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL
    if abi >= 6:
        attr = struct.pack("=QQQ", fs, net, scoped)
    elif abi >= 4:
        attr = struct.pack("=QQ", fs, net)
    else:
        attr = struct.pack("=Q", fs)
    buf = ctypes.create_string_buffer(attr, len(attr))
    rfd = _syscall("landlock_create_ruleset", ctypes.cast(buf, ctypes.c_void_p), len(attr), 0)
    if rfd < 0:
        return abi, _errmsg("landlock_create_ruleset")
    try:
        rules = [(p, False) for p in read_only] + [(p, True) for p in read_write]
        for path, writable in rules:
            try:
                pfd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue
            try:
                is_dir = os.path.isdir(path)
                if writable:  # everything but device nodes; on a file only the file rights apply
                    rights = (fs & ~(LL_MAKE_CHAR | LL_MAKE_BLOCK)) if is_dir else (fs & LL_FILE_RIGHTS)
                else:
                    rights = (LL_READ_FILE | LL_READ_DIR | LL_EXECUTE) if is_dir else (LL_READ_FILE | LL_EXECUTE)
                rule = struct.pack("=Qi", rights & fs, pfd)
                rbuf = ctypes.create_string_buffer(rule, len(rule))
                if _syscall("landlock_add_rule", rfd, 1, ctypes.cast(rbuf, ctypes.c_void_p), 0) != 0:
                    return abi, _errmsg(f"landlock_add_rule({os.path.basename(path)})")
            finally:
                os.close(pfd)
        if _syscall("landlock_restrict_self", rfd, 0) != 0:
            return abi, _errmsg("landlock_restrict_self")
    finally:
        os.close(rfd)
    return abi, None


# ----------------------------------------------------------------- seccomp

_RET_KILL_PROCESS = 0x80000000
_RET_ERRNO = 0x00050000
_RET_ALLOW = 0x7FFF0000
_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JGE_K = 0x35
_JSET_K = 0x45
_RET_K = 0x06

# Denied in every profile: they reach other processes, the kernel's global
# state, or resources outside the sandbox (network, keyrings, modules, mounts).
_DENY_ALWAYS = (
    "socket", "socketpair", "connect", "accept", "accept4", "bind", "listen", "sendto", "sendmsg", "sendmmsg",
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "process_madvise",
    "pidfd_getfd",
    "syslog", "personality", "chroot", "mount", "umount2", "pivot_root", "swapon", "swapoff", "reboot",
    "sethostname", "setdomainname", "iopl", "ioperm", "init_module", "finit_module", "delete_module",
    "quotactl", "quotactl_fd", "acct", "settimeofday", "adjtimex", "clock_adjtime", "clock_settime",
    "lookup_dcookie", "kexec_load", "kexec_file_load", "add_key", "request_key", "keyctl", "unshare", "setns",
    "migrate_pages", "move_pages", "mbind", "perf_event_open", "fanotify_init", "name_to_handle_at",
    "open_by_handle_at", "bpf", "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register",
    "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr", "memfd_secret",
    "vhangup", "mknod", "mknodat", "uselib",
)
# Denied unless the profile allows running programs (the Go worker runs the compiler, and Go's
# os/exec waits for and signals its children through pidfds).
_DENY_EXEC = ("execve", "execveat", "fork", "vfork", "pidfd_open", "pidfd_send_signal")
# Signals may only be sent to this process itself (arg0 == our pid).
_SELF_ONLY_ARG0 = ("kill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo", "tkill", "prlimit64")


def _stmt(code: int, k: int) -> bytes:
    return struct.pack("=HBBI", code, 0, 0, k & 0xFFFFFFFF)


def _jump(code: int, k: int, jt: int, jf: int) -> bytes:
    return struct.pack("=HBBI", code, jt, jf, k & 0xFFFFFFFF)


def seccomp_program(profile: str, pid: int) -> list[bytes]:
    """Build the BPF program of a profile.

    - ``child``: one run of guest code in a forked child: no new processes or
      threads at all (clone/clone3 are fatal), no exec.
    - ``threads``: a long-lived engine worker (V8, wasmtime): threads only
      (``clone`` with ``CLONE_THREAD``; ``clone3`` answers ENOSYS so libc falls
      back to ``clone``, whose flags a filter can read), no exec.
    - ``toolchain``: processes and exec allowed (the Go compiler runs as
      child processes), and signals/``prlimit`` on other processes (it limits
      and kills its own process group; Landlock's signal scope keeps those
      inside the worker's domain); everything in ``_DENY_ALWAYS`` still holds
      for the compiler too, since filters are inherited.

    Every denial kills the whole process (SIGSYS), so the parent can say that
    seccomp stopped the run. ``arg0 == pid`` checks use the low 32 bits, which
    is what the kernel reads for a ``pid_t``. ``prlimit64`` is allowed on
    pid 0 and on ourselves only, so a guest cannot change a sibling's limits.
    """
    if ARCH not in _AUDIT_ARCH:
        raise OSError(errno.ENOSYS, f"no seccomp syscall table for {ARCH}")
    table = _NR[ARCH]
    kill = _RET_KILL_PROCESS
    prog: list[bytes] = [
        _stmt(_LD_W_ABS, 4),                               # A = arch
        _jump(_JEQ_K, _AUDIT_ARCH[ARCH], 1, 0),
        _stmt(_RET_K, kill),
        _stmt(_LD_W_ABS, 0),                               # A = nr
    ]
    if ARCH == "x86_64":
        prog += [_jump(_JGE_K, 0x40000000, 0, 1), _stmt(_RET_K, kill)]  # the x32 ABI
    deny = list(_DENY_ALWAYS)
    if profile != "toolchain":
        deny += list(_DENY_EXEC)
    for name in deny:
        nr = table.get(name)
        if nr is not None:
            prog += [_jump(_JEQ_K, nr, 0, 1), _stmt(_RET_K, kill)]
    # arg0 must be our pid (or 0 for prlimit64, meaning "self")
    for name in _SELF_ONLY_ARG0 if profile != "toolchain" else ():
        nr = table.get(name)
        if nr is None:
            continue
        if name == "prlimit64":
            block = [_stmt(_LD_W_ABS, 16),                # A = low 32 bits of args[0]
                     _jump(_JEQ_K, 0, 2, 0), _jump(_JEQ_K, pid, 1, 0),
                     _stmt(_RET_K, kill), _stmt(_RET_K, _RET_ALLOW)]
        else:
            block = [_stmt(_LD_W_ABS, 16), _jump(_JEQ_K, pid, 0, 1),
                     _stmt(_RET_K, _RET_ALLOW), _stmt(_RET_K, kill)]
        prog += [_jump(_JEQ_K, nr, 0, len(block))] + block
    clone, clone3 = table["clone"], table["clone3"]
    if profile == "child":
        prog += [_jump(_JEQ_K, clone, 0, 1), _stmt(_RET_K, kill),
                 _jump(_JEQ_K, clone3, 0, 1), _stmt(_RET_K, kill)]
    elif profile == "threads":
        # clone: flags are args[0] on both x86_64 and aarch64
        prog += [_jump(_JEQ_K, clone, 0, 4), _stmt(_LD_W_ABS, 16),
                 _jump(_JSET_K, CLONE_THREAD, 0, 1), _stmt(_RET_K, _RET_ALLOW), _stmt(_RET_K, kill)]
        prog += [_jump(_JEQ_K, clone3, 0, 1), _stmt(_RET_K, _RET_ERRNO | errno.ENOSYS)]
    elif profile != "toolchain":
        raise ValueError(f"unknown seccomp profile {profile!r}")
    prog.append(_stmt(_RET_K, _RET_ALLOW))
    return prog


def install_seccomp(profile: str, *, all_threads: bool = False) -> str | None:
    """Install the profile's filter on this thread (or every thread with TSYNC). Needs no_new_privs."""
    if not IS_LINUX:
        return "not Linux"
    try:
        prog = seccomp_program(profile, os.getpid())
    except OSError as e:
        return e.strerror or str(e)
    raw = b"".join(prog)
    buf = ctypes.create_string_buffer(raw, len(raw))
    fprog = struct.pack("=HxxxxxxQ", len(prog), ctypes.addressof(buf))
    fbuf = ctypes.create_string_buffer(fprog, len(fprog))
    flags = 1 if all_threads else 0  # SECCOMP_FILTER_FLAG_TSYNC
    # seccomp(SECCOMP_SET_MODE_FILTER=1, flags, prog)
    if _syscall("seccomp", 1, flags, ctypes.cast(fbuf, ctypes.c_void_p)) != 0:
        if all_threads:
            return _errmsg("seccomp(SECCOMP_SET_MODE_FILTER, TSYNC)")
        if _c().prctl(PR_SET_SECCOMP, 2, ctypes.addressof(fbuf), 0, 0) != 0:
            return _errmsg("prctl(PR_SET_SECCOMP)")
    return None
