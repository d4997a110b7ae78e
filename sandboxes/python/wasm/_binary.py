"""A minimal reader and writer of the WebAssembly binary format, for our pre-initialised snapshot.

Only what a Wizer-like snapshot needs: the module is split into its sections (kept as bytes),
the import, global, export, memory, start and data sections are decoded, and a new module is
emitted whose data section holds a memory image, whose globals start at the values they had, and
whose start function and ``_initialize`` export are gone. Everything else is copied byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAGIC = b"\x00asm\x01\x00\x00\x00"
SEC_CUSTOM, SEC_TYPE, SEC_IMPORT, SEC_FUNC, SEC_TABLE, SEC_MEMORY, SEC_GLOBAL, SEC_EXPORT, SEC_START, \
    SEC_ELEM, SEC_CODE, SEC_DATA, SEC_DATACOUNT, SEC_TAG = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
PAGE = 65536

I32, I64, F32, F64, V128 = 0x7F, 0x7E, 0x7D, 0x7C, 0x7B


class WasmFormatError(ValueError):
    pass


def uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def sleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if (value == 0 and not byte & 0x40) or (value == -1 and byte & 0x40):
            out.append(byte)
            return bytes(out)
        out.append(byte | 0x80)


class Reader:
    def __init__(self, data: bytes | memoryview, pos: int = 0, end: int | None = None) -> None:
        self.data = data
        self.pos = pos
        self.end = len(data) if end is None else end

    def byte(self) -> int:
        if self.pos >= self.end:
            raise WasmFormatError("unexpected end of section")
        b = self.data[self.pos]
        self.pos += 1
        return b

    def u(self) -> int:
        result = shift = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return result
            if shift > 70:
                raise WasmFormatError("LEB128 too long")

    def s(self) -> int:
        result = shift = 0
        while True:
            b = self.byte()
            result |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                if b & 0x40:
                    result -= 1 << shift
                return result
            if shift > 70:
                raise WasmFormatError("LEB128 too long")

    def take(self, n: int) -> bytes:
        if self.pos + n > self.end:
            raise WasmFormatError("unexpected end of section")
        out = bytes(self.data[self.pos:self.pos + n])
        self.pos += n
        return out

    def name(self) -> str:
        return self.take(self.u()).decode("utf-8")

    def limits(self) -> tuple[int, int, int | None]:
        flags = self.byte()
        lo = self.u()
        hi = self.u() if flags & 1 else None
        return flags, lo, hi

    def const_expr(self) -> bytes:
        """The bytes of a constant expression up to and including its ``end`` (0x0B)."""
        start = self.pos
        depth = 0
        while True:
            op = self.byte()
            if op == 0x0B:
                if depth == 0:
                    return bytes(self.data[start:self.pos])
                depth -= 1
            elif op in (0x41, 0x42):  # i32.const / i64.const
                self.s()
            elif op == 0x43:
                self.take(4)
            elif op == 0x44:
                self.take(8)
            elif op in (0x23, 0xD2):  # global.get, ref.func
                self.u()
            elif op == 0xD0:  # ref.null t
                self.s()
            elif op in (0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E):  # extended-const arithmetic
                pass
            elif op == 0xFD:  # v128.const
                if self.u() != 12:
                    raise WasmFormatError("unsupported SIMD constant expression")
                self.take(16)
            else:
                raise WasmFormatError(f"unsupported opcode 0x{op:02x} in a constant expression")


@dataclass
class Module:
    sections: list[tuple[int, bytes]]  # (id, payload), in order
    func_imports: int = 0
    global_imports: int = 0
    memory_imports: int = 0
    globals: list[tuple[int, int, bytes]] = field(default_factory=list)  # (valtype, mutable, init expr)
    exports: list[tuple[str, int, int]] = field(default_factory=list)  # (name, kind, index)
    memories: list[tuple[int, int, int | None]] = field(default_factory=list)

    def section(self, sid: int) -> bytes | None:
        for s, payload in self.sections:
            if s == sid:
                return payload
        return None


def parse(data: bytes | memoryview) -> Module:
    if bytes(data[:8]) != MAGIC:
        raise WasmFormatError("not a WebAssembly 1.0 module")
    r = Reader(data, 8)
    sections: list[tuple[int, bytes]] = []
    while r.pos < r.end:
        sid = r.byte()
        size = r.u()
        sections.append((sid, r.take(size)))
    mod = Module(sections)
    imp = mod.section(SEC_IMPORT)
    if imp is not None:
        ir = Reader(imp)
        for _ in range(ir.u()):
            ir.name()
            ir.name()
            kind = ir.byte()
            if kind == 0:
                ir.u()
                mod.func_imports += 1
            elif kind == 1:
                ir.byte()
                ir.limits()
            elif kind == 2:
                ir.limits()
                mod.memory_imports += 1
            elif kind == 3:
                ir.byte()
                ir.byte()
                mod.global_imports += 1
            elif kind == 4:  # tag
                ir.byte()
                ir.u()
            else:
                raise WasmFormatError(f"unknown import kind {kind}")
    mem = mod.section(SEC_MEMORY)
    if mem is not None:
        mr = Reader(mem)
        mod.memories = [mr.limits() for _ in range(mr.u())]
    glob = mod.section(SEC_GLOBAL)
    if glob is not None:
        gr = Reader(glob)
        for _ in range(gr.u()):
            vt = gr.byte()
            mut = gr.byte()
            mod.globals.append((vt, mut, gr.const_expr()))
    exp = mod.section(SEC_EXPORT)
    if exp is not None:
        er = Reader(exp)
        for _ in range(er.u()):
            name = er.name()
            kind = er.byte()
            mod.exports.append((name, kind, er.u()))
    return mod


def _vec(items: list[bytes]) -> bytes:
    return uleb(len(items)) + b"".join(items)


def _name(s: str) -> bytes:
    raw = s.encode("utf-8")
    return uleb(len(raw)) + raw


def _emit(sections: list[tuple[int, bytes]]) -> bytes:
    out = bytearray(MAGIC)
    for sid, payload in sections:
        out.append(sid)
        out += uleb(len(payload))
        out += payload
    return bytes(out)


def with_exports(mod: Module, extra: list[tuple[str, int, int]]) -> bytes:
    """The module with more exports (``(name, kind, index)``): the instrumented copy run once."""
    exports = [_name(n) + bytes([k]) + uleb(i) for n, k, i in mod.exports + extra]
    sections = [(s, _vec(exports) if s == SEC_EXPORT else p) for s, p in mod.sections]
    return _emit(sections)


def global_export_names(mod: Module) -> list[tuple[str, int, int]]:
    """One export per defined global, so the host can read every global after initialisation."""
    return [(f"__sbx_global_{i}", 3, mod.global_imports + i) for i in range(len(mod.globals))]


def _const(valtype: int, value: int | float | bytes) -> bytes:
    import struct

    if valtype == I32:
        v = int(value) & 0xFFFFFFFF
        return b"\x41" + sleb(v - (1 << 32) if v >= 1 << 31 else v) + b"\x0b"
    if valtype == I64:
        v = int(value) & 0xFFFFFFFFFFFFFFFF
        return b"\x42" + sleb(v - (1 << 64) if v >= 1 << 63 else v) + b"\x0b"
    if valtype == F32:
        return b"\x43" + (value if isinstance(value, bytes) else struct.pack("<f", value)) + b"\x0b"
    if valtype == F64:
        return b"\x44" + (value if isinstance(value, bytes) else struct.pack("<d", value)) + b"\x0b"
    raise WasmFormatError(f"a global of value type 0x{valtype:02x} cannot be snapshotted")


def segments(memory: bytes | memoryview, *, gap: int = 64) -> list[tuple[int, bytes]]:
    """Runs of non-zero bytes of ``memory`` (runs of zeros shorter than ``gap`` are kept inside)."""
    view = memoryview(memory)
    out: list[tuple[int, bytes]] = []
    n = len(view)
    pos = 0
    raw = bytes(view)
    while pos < n:
        start = _next_nonzero(raw, pos)
        if start >= n:
            break
        end = start
        while True:
            z = raw.find(b"\x00" * gap, end)
            if z < 0:
                end = n
                break
            end = z
            nxt = _next_nonzero(raw, z)
            if nxt >= n or nxt - z >= gap:
                break
            end = nxt
        end = len(raw[:end].rstrip(b"\x00")) if end == n else end
        out.append((start, raw[start:end]))
        pos = end
    return out


def _next_nonzero(raw: bytes, pos: int) -> int:
    n = len(raw)
    step = 1 << 16
    while pos < n:
        chunk = raw[pos:pos + step]
        stripped = chunk.lstrip(b"\x00")
        if stripped:
            return pos + len(chunk) - len(stripped)
        pos += step
    return n


def snapshot(mod: Module, *, memory: bytes | memoryview, pages: int,
             globals_: list[int | float | bytes]) -> bytes:
    """The pre-initialised module: memory image as active data, globals at their values, no start.

    ``memory``: linear memory 0 after initialisation (``pages`` wasm pages); ``globals_``: the
    value of every defined global, in order. The ``_initialize`` export is removed (it has run);
    passive data segments are dropped with the data count (initialisation consumed them).
    """
    if mod.memory_imports or len(mod.memories) != 1:
        raise WasmFormatError("the snapshot needs exactly one defined memory")
    if len(globals_) != len(mod.globals):
        raise WasmFormatError("one value per defined global")
    flags, _lo, hi = mod.memories[0]
    if flags & ~1:
        raise WasmFormatError("shared or 64-bit memories are not supported")
    memsec = uleb(1) + bytes([flags]) + uleb(pages) + (uleb(hi) if hi is not None else b"")
    globsec = _vec([bytes([vt, mut]) + (_const(vt, v) if mut else init)
                    for (vt, mut, init), v in zip(mod.globals, globals_)])
    exports = [_name(n) + bytes([k]) + uleb(i) for n, k, i in mod.exports if n != "_initialize"]
    data = _vec([b"\x00" + _const(I32, off) + uleb(len(chunk)) + chunk for off, chunk in segments(memory)])
    out: list[tuple[int, bytes]] = []
    for sid, payload in mod.sections:
        if sid == SEC_MEMORY:
            out.append((sid, memsec))
        elif sid == SEC_GLOBAL:
            out.append((sid, globsec))
        elif sid == SEC_EXPORT:
            out.append((sid, _vec(exports)))
        elif sid == SEC_START or sid == SEC_DATACOUNT:
            continue
        elif sid == SEC_DATA:
            out.append((sid, data))
        else:
            out.append((sid, payload))
    if mod.section(SEC_DATA) is None:  # the data section goes after code
        idx = max(i for i, (s, _) in enumerate(out) if s in (SEC_CODE, SEC_ELEM, SEC_EXPORT, SEC_GLOBAL)) + 1
        out.insert(idx, (SEC_DATA, data))
    return _emit(out)


# --------------------------------------------------------------------------- a refused growth, seen by the host

# The export of the global that ``watch_growth`` adds: the most pages of linear memory the guest asked
# for in a ``memory.grow`` that failed (0 when none did), read by the host when a run ends.
REFUSED_GROWTH_EXPORT = "__sbx_refused_pages"
GROWER = "sbrk"  # wasi-libc's; its body holds the guest's one memory.grow (dlmalloc and mimalloc call it)


def _function_names(mod: Module) -> dict[str, int]:
    for sid, payload in mod.sections:
        if sid != SEC_CUSTOM:
            continue
        r = Reader(payload)
        if r.name() != "name":
            continue
        while r.pos < r.end:
            sub, size = r.byte(), r.u()
            end = r.pos + size
            if sub == 1:  # function names
                names: dict[str, int] = {}
                for _ in range(r.u()):
                    index = r.u()
                    names.setdefault(r.name(), index)
                return names
            r.pos = end
    return {}


def _func_type(mod: Module, type_index: int) -> tuple[bytes, bytes]:
    r = Reader(mod.section(SEC_TYPE) or b"")
    for i in range(r.u()):
        if r.byte() != 0x60:
            raise WasmFormatError("only function types are supported in the type section")
        params, results = r.take(r.u()), r.take(r.u())
        if i == type_index:
            return params, results
    raise WasmFormatError(f"no type {type_index}")


def watch_growth(data: bytes) -> bytes:
    """The module with every failed ``memory.grow`` of ``GROWER`` recorded where only the host reads it.

    ``GROWER``'s body moves, unchanged, to a new function; its index now holds a wrapper that calls it
    and, when it returns -1 (the growth was refused), stores the pages the guest asked for in all
    (current size + the increment's pages) in a new mutable global, if more than it holds, exported as
    ``REFUSED_GROWTH_EXPORT``. No code of the guest's writes that global (it is new), so a program can
    print what it likes: the host knows whether the memory limit refused a growth. Function indices,
    tables and the rest of the code are unchanged.
    """
    mod = parse(data)
    index = _function_names(mod).get(GROWER)
    if index is None or index < mod.func_imports:
        raise WasmFormatError(f"no defined function {GROWER!r} in the name section")
    fr = Reader(mod.section(SEC_FUNC) or b"")
    types = [fr.u() for _ in range(fr.u())]
    own = index - mod.func_imports
    if _func_type(mod, types[own]) != (bytes([I32]), bytes([I32])):
        raise WasmFormatError(f"{GROWER} is not (i32) -> i32")
    cr = Reader(mod.section(SEC_CODE) or b"")
    count = cr.u()
    if count != len(types):
        raise WasmFormatError("the code and function sections disagree")
    bodies: list[bytes] = []
    for _ in range(count):
        bodies.append(cr.take(cr.u()))
    moved = mod.func_imports + count
    glob = mod.global_imports + len(mod.globals)
    g = uleb(glob)
    wrapper = (b"\x01\x02\x7f"  # two i32 locals: the result, the pages asked for
               b"\x20\x00\x10" + uleb(moved) + b"\x22\x01"  # result = moved(increment)
               b"\x41\x7f\x46\x04\x40"  # if result == -1
               b"\x3f\x00\x20\x00\x41\x10\x76\x6a\x22\x02"  # asked = memory.size + (increment >> 16)
               b"\x23" + g + b"\x4b\x04\x40\x20\x02\x24" + g + b"\x0b"  # if asked > global: global = asked
               b"\x0b\x20\x01\x0b")  # end; return result
    bodies.append(bodies[own])
    bodies[own] = wrapper
    code = _vec([uleb(len(b)) + b for b in bodies])
    funcs = _vec([uleb(t) for t in types + [types[own]]])
    globs = _vec([bytes([vt, mut]) + init for vt, mut, init in mod.globals] + [bytes([I32, 1]) + _const(I32, 0)])
    exports = _vec([_name(n) + bytes([k]) + uleb(i) for n, k, i in mod.exports]
                   + [_name(REFUSED_GROWTH_EXPORT) + b"\x03" + g])
    replaced = {SEC_CODE: code, SEC_FUNC: funcs, SEC_GLOBAL: globs, SEC_EXPORT: exports}
    if mod.section(SEC_GLOBAL) is None or mod.section(SEC_EXPORT) is None:
        raise WasmFormatError("the module has no global or export section")
    return _emit([(sid, replaced.get(sid, payload)) for sid, payload in mod.sections])


__all__ = ["REFUSED_GROWTH_EXPORT", "Module", "WasmFormatError", "global_export_names", "parse", "segments", "snapshot",
           "watch_growth", "with_exports"]
