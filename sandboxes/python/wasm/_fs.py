"""Our WASI file system for the wasm Python engine: read-only, in memory, nothing of the host's.

The guest sees one preopened directory, the root ``/`` of our tree, which holds
``/usr/local/lib/python3XY.zip`` (the package's standard library and packages) and nothing else:
``/``, ``/usr``, ``/usr/local`` and ``/usr/local/lib`` exist and list, as directories do
(``os.listdir('/') == ['usr']``; the working directory is ``/``), and ``..`` at the root is the
root, as in POSIX. Its bytes are held in this process
(read once from the package and checked against a pinned SHA-256); no host path is ever opened
on the guest's behalf, so no path the guest names, ``..`` or a symlink can lead outside: the tree
is a Python dict. Every ``fd_*`` and ``path_*`` function of ``wasi_snapshot_preview1`` is ours
(wasmtime's own implementations are shadowed), so there is no descriptor of wasmtime's behind fd
3 and up; stdin (fd 0) is a fixed byte string read by our ``fd_read``; stdout and stderr go to
the Go engine's ``fd_write`` (``sandboxes.go._wasm``), with its output cap. Writes anywhere else
are ``EROFS``/``EBADF``, with Linux's answers on a read-only mount where they come first: ``mkdir``
of a directory or file that exists is ``EEXIST`` (of one whose parent is missing ``ENOENT``), an
exclusive create of an existing file ``EEXIST``; sockets are ``ENOTSOCK``.

A guest can forge every argument: each arrives unsigned, as WASI types it (``_engine._raw``),
each pointer and length is checked against linear memory before use, the work per call is bounded
by the file's size, ``MAX_IOVS`` and ``MAX_PATH``, and a run holds at most ``MAX_OPEN`` descriptors.
"""

from __future__ import annotations

import struct
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from ...go import _wasm as gw

# WASI errno values
ESUCCESS, EBADF, EEXIST, EFAULT, EINVAL, EISDIR, EMFILE, ENAMETOOLONG, ENOENT, ENOSYS, ENOTDIR, ENOTEMPTY, \
    ENOTSOCK, ENOTSUP, EPERM, EROFS, ESPIPE, ENOTCAPABLE = 0, 8, 20, 21, 28, 31, 33, 37, 44, 52, 54, 55, 57, 58, \
    63, 69, 70, 76
FT_UNKNOWN, FT_CHAR, FT_DIR, FT_REG = 0, 2, 3, 4
MAX_OPEN = 64
MAX_PATH = 4096
MAX_IOVS = gw.MAX_IOVS
PREOPEN = "/"  # the guest path of fd 3 (part of the snapshot: wasi-libc's table of preopens is in its memory)
LIB = "/usr/local/lib"  # where the standard library's zip is
_FIRST_FD = 3

# rights (only what we grant: reading)
_R_FD_READ, _R_FD_SEEK, _R_FD_TELL, _R_FD_ADVISE = 1 << 1, 1 << 2, 1 << 5, 1 << 7
_R_PATH_OPEN, _R_FD_READDIR, _R_PATH_READLINK, _R_PATH_FILESTAT_GET, _R_FD_FILESTAT_GET = \
    1 << 13, 1 << 14, 1 << 15, 1 << 18, 1 << 21
_R_POLL = 1 << 27
_R_FD_WRITE = 1 << 6
FILE_RIGHTS = _R_FD_READ | _R_FD_SEEK | _R_FD_TELL | _R_FD_ADVISE | _R_FD_FILESTAT_GET | _R_POLL
DIR_RIGHTS = _R_PATH_OPEN | _R_FD_READDIR | _R_PATH_READLINK | _R_PATH_FILESTAT_GET | _R_FD_FILESTAT_GET
_WRITE_RIGHTS = (1 << 6) | (1 << 8) | (1 << 9) | (1 << 10) | (1 << 12) | (1 << 17) | (1 << 19) | (1 << 20) \
    | (1 << 22) | (1 << 23) | (1 << 24) | (1 << 25) | (1 << 26) | (1 << 0) | (1 << 4)
_O_CREAT, _O_DIRECTORY, _O_EXCL, _O_TRUNC = 1, 2, 4, 8
_FDFLAG_APPEND = 1


@dataclass
class Node:
    ino: int
    data: bytes | None = None  # a regular file's bytes; None for a directory
    children: dict[str, Node] | None = None

    @property
    def is_dir(self) -> bool:
        return self.children is not None


class Tree:
    """An immutable directory tree shared by every run (its files' bytes are never copied per run)."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self._ino = 0
        self.root = self._dir()
        for path, data in files.items():
            parts = [p for p in path.split("/") if p]
            node = self.root
            for p in parts[:-1]:
                assert node.children is not None
                node = node.children.setdefault(p, self._dir())
            assert node.children is not None
            self._ino += 1
            node.children[parts[-1]] = Node(self._ino, data=data)

    def _dir(self) -> Node:
        self._ino += 1
        return Node(self._ino, children={})

    def lookup(self, base: Node, path: str) -> tuple[Node | None, int]:
        """The node ``path`` names below ``base`` (``..`` never climbs above it: at the root it is the
        root, as in POSIX; above another directory WASI's ``ENOTCAPABLE``), or an errno."""
        stack = [base]
        for part in path.split("/"):
            if part in ("", "."):
                continue
            if part == "..":
                if len(stack) == 1 and base is self.root:
                    continue
                if len(stack) == 1:
                    return None, ENOTCAPABLE
                stack.pop()
                continue
            node = stack[-1]
            if node.children is None:
                return None, ENOTDIR
            child = node.children.get(part)
            if child is None:
                return None, ENOENT
            stack.append(child)
        return stack[-1], ESUCCESS


@dataclass
class OpenFile:
    node: Node
    pos: int = 0
    preopen: str | None = None  # the guest path of a preopened directory


@dataclass
class FsState(gw.RunState):
    """A run's state: the Go engine's (output, stop, deadline) plus stdin and descriptors."""

    tree: Any = None  # the Tree every path resolves in
    stdin: bytes = b""
    stdin_pos: int = 0
    fds: dict[int, OpenFile] = field(default_factory=dict)


def _clock_now(clock_id: int) -> float:
    """Our WASI clocks, in seconds: realtime is the host's wall clock, the others one monotonic clock."""
    return time.time() if clock_id == 0 else time.monotonic()


def new_state(tree: Tree, *, stdin: bytes, deadline: float, max_output: int | None,
              memory_limit: int | None) -> FsState:
    st = FsState(deadline=deadline, max_output=max_output, memory_limit=memory_limit, tree=tree, stdin=stdin,
                 clock_now=_clock_now)
    st.fds[_FIRST_FD] = OpenFile(tree.root, preopen=PREOPEN)
    return st


def _st() -> FsState:
    st = gw._state()
    if not isinstance(st, FsState):
        raise gw._Stop()
    return st


def _mem(caller: Any, st: FsState) -> memoryview:
    return gw._memory(caller, st)


def _ok(mem: memoryview, ptr: int, size: int) -> bool:
    return 0 <= ptr and 0 <= size and ptr + size <= len(mem)


def _put(mem: memoryview, fmt: str, ptr: int, *values: Any) -> int:
    if not _ok(mem, ptr, struct.calcsize(fmt)):
        return EFAULT
    struct.pack_into(fmt, mem, ptr, *values)
    return ESUCCESS


def _path(mem: memoryview, ptr: int, length: int) -> tuple[str | None, int]:
    if length > MAX_PATH:
        return None, ENAMETOOLONG
    if not _ok(mem, ptr, length):
        return None, EFAULT
    try:
        return bytes(mem[ptr:ptr + length]).decode("utf-8"), ESUCCESS
    except UnicodeDecodeError:
        return None, EINVAL


def _iovecs(mem: memoryview, iovs: int, n: int) -> tuple[list[tuple[int, int]] | None, int]:
    if n > MAX_IOVS:
        return None, EINVAL
    if not _ok(mem, iovs, 8 * n):
        return None, EFAULT
    spans = list(gw._IOVEC.iter_unpack(mem[iovs:iovs + 8 * n]))
    for ptr, length in spans:
        if not _ok(mem, ptr, length):
            return None, EFAULT
    return spans, ESUCCESS


def _fill(mem: memoryview, spans: list[tuple[int, int]], data: bytes | memoryview, start: int) -> int:
    """Copy ``data[start:]`` into the iovecs; the number of bytes copied (at most ``len(data)``)."""
    done = 0
    view = memoryview(data)
    for ptr, length in spans:
        chunk = view[start + done:start + done + length]
        if not len(chunk):
            break
        mem[ptr:ptr + len(chunk)] = chunk
        done += len(chunk)
        if len(chunk) < length:
            break
    return done


# --------------------------------------------------------------------------- descriptors

def fd_read(caller: Any, fd: int, iovs: int, iovs_len: int, nread: int) -> int:
    st = _st()
    mem = _mem(caller, st)
    spans, err = _iovecs(mem, iovs, iovs_len)
    if spans is None:
        return err
    if not _ok(mem, nread, 4):
        return EFAULT
    if fd == 0:
        done = _fill(mem, spans, st.stdin, st.stdin_pos)
        st.stdin_pos += done
    else:
        f = st.fds.get(fd)
        if f is None:
            return EBADF if fd not in (1, 2) else EBADF
        if f.node.data is None:
            return EISDIR
        done = _fill(mem, spans, f.node.data, min(f.pos, len(f.node.data)))
        f.pos += done
    struct.pack_into("<I", mem, nread, done)
    return ESUCCESS


def fd_pread(caller: Any, fd: int, iovs: int, iovs_len: int, offset: int, nread: int) -> int:
    st = _st()
    f = st.fds.get(fd)
    if f is None:
        return ESPIPE if fd in (0, 1, 2) else EBADF
    if f.node.data is None:
        return EISDIR
    mem = _mem(caller, st)
    spans, err = _iovecs(mem, iovs, iovs_len)
    if spans is None:
        return err
    if not _ok(mem, nread, 4):
        return EFAULT
    done = _fill(mem, spans, f.node.data, min(offset, len(f.node.data)))
    struct.pack_into("<I", mem, nread, done)
    return ESUCCESS


def fd_seek(caller: Any, fd: int, offset: int, whence: int, newoffset: int) -> int:
    st = _st()
    f = st.fds.get(fd)
    if f is None:
        return ESPIPE if fd in (0, 1, 2) else EBADF
    if f.node.data is None:
        return EISDIR
    if offset >= 1 << 63:  # WASI's filedelta is the one signed parameter (s64); it arrives as a u64
        offset -= 1 << 64
    if whence == 0:
        pos = offset
    elif whence == 1:
        pos = f.pos + offset
    elif whence == 2:
        pos = len(f.node.data) + offset
    else:
        return EINVAL
    if pos < 0 or pos >= 1 << 63:
        return EINVAL
    mem = _mem(caller, st)
    err = _put(mem, "<Q", newoffset, pos)
    if err == ESUCCESS:
        f.pos = pos
    return err


def fd_tell(caller: Any, fd: int, offset: int) -> int:
    st = _st()
    f = st.fds.get(fd)
    if f is None:
        return ESPIPE if fd in (0, 1, 2) else EBADF
    return _put(_mem(caller, st), "<Q", offset, f.pos)


def fd_close(caller: Any, fd: int) -> int:
    st = _st()
    f = st.fds.get(fd)
    if f is None:
        return EBADF if fd not in (0, 1, 2) else ESUCCESS
    if f.preopen is not None:
        return ENOTSUP  # the preopen stays: libc never closes it
    del st.fds[fd]
    return ESUCCESS


def fd_fdstat_get(caller: Any, fd: int, buf: int) -> int:
    st = _st()
    mem = _mem(caller, st)
    if fd in (0, 1, 2):  # not a terminal: no seek/tell rights would make libc call it a tty
        rights = _R_FD_READ | _R_POLL if fd == 0 else (1 << 6) | _R_POLL
        return _put(mem, "<BxHxxxxQQ", buf, FT_UNKNOWN, 0, rights, 0)
    f = st.fds.get(fd)
    if f is None:
        return EBADF
    if f.node.is_dir:
        # fd_write among the rights a directory passes on: libc asks for the rights an open's access mode
        # needs, masked by these, so that path_open sees an O_WRONLY/O_RDWR open and refuses it (EROFS)
        return _put(mem, "<BxHxxxxQQ", buf, FT_DIR, 0, DIR_RIGHTS, FILE_RIGHTS | DIR_RIGHTS | _R_FD_WRITE)
    return _put(mem, "<BxHxxxxQQ", buf, FT_REG, 0, FILE_RIGHTS, 0)


def _filestat(mem: memoryview, buf: int, node: Node | None, fd: int = -1) -> int:
    if node is None:  # stdin/stdout/stderr
        return _put(mem, "<QQBxxxxxxxQQQQQ", buf, 0, 0, FT_UNKNOWN, 1, 0, 0, 0, 0)
    ft = FT_DIR if node.is_dir else FT_REG
    size = 0 if node.data is None else len(node.data)
    return _put(mem, "<QQBxxxxxxxQQQQQ", buf, 1, node.ino, ft, 1, size, 0, 0, 0)


def fd_filestat_get(caller: Any, fd: int, buf: int) -> int:
    st = _st()
    mem = _mem(caller, st)
    if fd in (0, 1, 2):
        return _filestat(mem, buf, None)
    f = st.fds.get(fd)
    if f is None:
        return EBADF
    return _filestat(mem, buf, f.node)


def fd_prestat_get(caller: Any, fd: int, buf: int) -> int:
    st = _st()
    f = st.fds.get(fd)
    if f is None or f.preopen is None:
        return EBADF
    return _put(_mem(caller, st), "<BxxxI", buf, 0, len(f.preopen.encode()))


def fd_prestat_dir_name(caller: Any, fd: int, path: int, path_len: int) -> int:
    st = _st()
    f = st.fds.get(fd)
    if f is None or f.preopen is None:
        return EBADF
    name = f.preopen.encode()
    mem = _mem(caller, st)
    if path_len < len(name):
        return EINVAL
    if not _ok(mem, path, len(name)):
        return EFAULT
    mem[path:path + len(name)] = name
    return ESUCCESS


def fd_readdir(caller: Any, fd: int, buf: int, buf_len: int, cookie: int, bufused: int) -> int:
    st = _st()
    f = st.fds.get(fd)
    if f is None:
        return EBADF
    if f.node.children is None:
        return ENOTDIR
    mem = _mem(caller, st)
    if not _ok(mem, buf, buf_len) or not _ok(mem, bufused, 4):
        return EFAULT
    entries = [(".", f.node), ("..", f.node), *sorted(f.node.children.items())]
    out = bytearray()
    for i in range(min(cookie, len(entries)), len(entries)):
        name, node = entries[i]
        raw = name.encode()
        out += struct.pack("<QQIBxxx", i + 1, node.ino, len(raw), FT_DIR if node.is_dir else FT_REG) + raw
        if len(out) >= buf_len:
            break
    n = min(len(out), buf_len)
    mem[buf:buf + n] = out[:n]
    struct.pack_into("<I", mem, bufused, n)
    return ESUCCESS


def fd_advise(caller: Any, fd: int, offset: int, length: int, advice: int) -> int:
    st = _st()
    return ESUCCESS if fd in st.fds else EBADF


def fd_fdstat_set_flags(caller: Any, fd: int, flags: int) -> int:
    st = _st()
    if fd not in st.fds and fd not in (0, 1, 2):
        return EBADF
    return ESUCCESS if flags == 0 else ENOTSUP


def fd_sync(caller: Any, fd: int) -> int:
    st = _st()
    return ESUCCESS if fd in st.fds or fd in (0, 1, 2) else EBADF


def _read_only(*args: Any) -> int:
    """Anything that would write a file, a directory or a link: the file system is read-only."""
    _st()
    return EROFS


def _no_socket(*args: Any) -> int:
    _st()
    return ENOTSOCK


def fd_pwrite(caller: Any, fd: int, iovs: int, iovs_len: int, offset: int, nwritten: int) -> int:
    st = _st()
    if fd in (1, 2):
        return ESPIPE
    return EBADF if fd not in st.fds else EROFS


def fd_write(caller: Any, fd: int, iovs: int, iovs_len: int, nwritten: int) -> int:
    if fd in (1, 2):
        return gw._fd_write(caller, fd, iovs, iovs_len, nwritten)
    st = _st()
    return EROFS if fd in st.fds else EBADF


# --------------------------------------------------------------------------- paths

def _at(st: FsState, fd: int) -> tuple[OpenFile | None, int]:
    f = st.fds.get(fd)
    if f is None:
        return None, EBADF
    if not f.node.is_dir:
        return None, ENOTDIR
    return f, ESUCCESS


def path_open(caller: Any, fd: int, dirflags: int, path: int, path_len: int, oflags: int, rights_base: int,
              rights_inheriting: int, fdflags: int, opened: int) -> int:
    st = _st()
    base, err = _at(st, fd)
    if base is None:
        return err
    mem = _mem(caller, st)
    name, err = _path(mem, path, path_len)
    if name is None:
        return err
    if not _ok(mem, opened, 4):
        return EFAULT
    node, err = _lookup(st, base.node, name)
    if node is not None and oflags & _O_CREAT and oflags & _O_EXCL:
        return EEXIST
    if oflags & (_O_CREAT | _O_TRUNC | _O_EXCL) or fdflags & _FDFLAG_APPEND \
            or rights_base & _R_FD_WRITE:  # create, truncate, append, write
        return EROFS if node is not None or err == ENOENT else err
    if node is None:
        return err
    if oflags & _O_DIRECTORY and not node.is_dir:
        return ENOTDIR
    if len(st.fds) >= MAX_OPEN:
        return EMFILE
    new = max(st.fds) + 1
    st.fds[new] = OpenFile(node)
    struct.pack_into("<I", mem, opened, new)
    return ESUCCESS


def _lookup(st: FsState, base: Node, name: str) -> tuple[Node | None, int]:
    tree: Tree = st.tree
    return tree.lookup(base, name)


def path_filestat_get(caller: Any, fd: int, flags: int, path: int, path_len: int, buf: int) -> int:
    st = _st()
    base, err = _at(st, fd)
    if base is None:
        return err
    mem = _mem(caller, st)
    name, err = _path(mem, path, path_len)
    if name is None:
        return err
    node, err = _lookup(st, base.node, name)
    if node is None:
        return err
    return _filestat(mem, buf, node)


def path_create_directory(caller: Any, fd: int, path: int, path_len: int) -> int:
    """``mkdir``: ``EEXIST`` for what exists, the lookup's errno for a missing parent, else ``EROFS``."""
    st = _st()
    base, err = _at(st, fd)
    if base is None:
        return err
    name, err = _path(_mem(caller, st), path, path_len)
    if name is None:
        return err
    node, err = _lookup(st, base.node, name)
    if node is not None:
        return EEXIST
    parent, err = _lookup(st, base.node, name.rstrip("/").rpartition("/")[0])
    if parent is None:
        return err
    return EROFS if parent.is_dir else ENOTDIR


def path_readlink(caller: Any, fd: int, path: int, path_len: int, buf: int, buf_len: int, bufused: int) -> int:
    st = _st()
    base, err = _at(st, fd)
    if base is None:
        return err
    mem = _mem(caller, st)
    name, err = _path(mem, path, path_len)
    if name is None:
        return err
    node, err = _lookup(st, base.node, name)
    return err if node is None else EINVAL  # nothing here is a symlink


# --------------------------------------------------------------------------- clocks

_CLOCKS = (0, 1, 2, 3)  # realtime, monotonic, process and thread CPU time (served as monotonic)


def clock_time_get(caller: Any, clock_id: int, precision: int, out: int) -> int:
    """Ours, so that ``poll_oneoff``'s absolute deadlines are on the same clocks as the guest's reads."""
    st = _st()
    if clock_id not in _CLOCKS:
        return EINVAL
    ns = time.time_ns() if clock_id == 0 else time.monotonic_ns()
    return _put(_mem(caller, st), "<Q", out, ns)


def clock_res_get(caller: Any, clock_id: int, out: int) -> int:
    st = _st()
    if clock_id not in _CLOCKS:
        return EINVAL
    return _put(_mem(caller, st), "<Q", out, 1000)


# --------------------------------------------------------------------------- the table

HANDLERS: dict[str, Callable[..., int]] = {
    "fd_read": fd_read, "fd_pread": fd_pread, "fd_seek": fd_seek, "fd_tell": fd_tell, "fd_close": fd_close,
    "fd_fdstat_get": fd_fdstat_get, "fd_filestat_get": fd_filestat_get, "fd_prestat_get": fd_prestat_get,
    "fd_prestat_dir_name": fd_prestat_dir_name, "fd_readdir": fd_readdir, "fd_advise": fd_advise,
    "fd_fdstat_set_flags": fd_fdstat_set_flags, "fd_sync": fd_sync, "fd_datasync": fd_sync,
    "fd_write": fd_write, "fd_pwrite": fd_pwrite,
    "fd_allocate": _read_only, "fd_filestat_set_size": _read_only, "fd_filestat_set_times": _read_only,
    "fd_fdstat_set_rights": _read_only, "fd_renumber": _read_only,
    "path_open": path_open, "path_filestat_get": path_filestat_get, "path_readlink": path_readlink,
    "path_create_directory": path_create_directory, "path_filestat_set_times": _read_only, "path_link": _read_only,
    "path_remove_directory": _read_only, "path_rename": _read_only, "path_symlink": _read_only,
    "path_unlink_file": _read_only,
    "sock_accept": _no_socket, "sock_recv": _no_socket, "sock_send": _no_socket, "sock_shutdown": _no_socket,
    "poll_oneoff": gw._poll_oneoff, "proc_exit": gw._proc_exit,
    "clock_time_get": clock_time_get, "clock_res_get": clock_res_get,
}

__all__ = ["HANDLERS", "LIB", "FsState", "Node", "PREOPEN", "Tree", "new_state"]
