"""Static policy check of a Go program, before anything is compiled.

A token-level scan (comments, interpreted strings, raw strings and runes are
lexed properly, so text inside them never looks like code) that enforces:

* the package clause is ``package main``;
* every import path is in the policy's allowlist (``policy.go.packages``).
  There is no denylist: ``unsafe``, ``syscall``, ``os/exec``, ``net``,
  ``plugin``, ``runtime/cgo`` and ``"C"`` are refused simply because they are
  not listed;
* no compiler directive except ``ALLOWED_DIRECTIVES``. Denied, among others:
  ``//go:linkname`` (reaches unexported runtime symbols, bypassing the import
  allowlist), ``//go:wasmimport`` / ``//go:wasmexport`` (declare imports of
  arbitrary host functions), ``//go:embed`` (reads files at build time),
  ``//go:nosplit`` / ``//go:nocheckptr`` (turn off runtime safety checks),
  ``//go:build`` (changes which files are compiled), ``//line`` (rewrites
  positions in messages), ``//export`` and ``#cgo`` lines (cgo).

Every refusal is a ``Violation`` with its line and column; all are reported at
once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..result import Violation, cap_violations

# Allow these `//go:` directives: they only change inlining decisions.
ALLOWED_DIRECTIVES = ("noinline",)
# Denied: every other `//go:` directive (linkname, wasmimport, wasmexport, embed,
# nosplit, noescape, nocheckptr, norace, uintptrescapes, build, generate, ...),
# `//line` and `/*line` position directives, `//export` and `#cgo` (cgo).


@dataclass(frozen=True)
class Token:
    kind: str  # "ident", "string", "op", "number", "rune"
    text: str  # identifier/operator text, or the decoded value of a string literal
    line: int
    col: int


class ScanError(Exception):
    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.line, self.col = line, col


_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


class _Lexer:
    """A Go lexer, precise enough to tell code from comments and literals."""

    def __init__(self, src: str) -> None:
        if src.startswith("\ufeff"):
            src = src[1:]
        self.src = src
        self.i = 0
        self.line = 1
        self.line_start = 0
        self.dirty = False  # something other than blanks came before, on the current line
        self.tokens: list[Token] = []
        self.comments: list[tuple[str, int, int, bool]] = []  # text, line, col, starts its line

    def col(self, i: int | None = None) -> int:
        return (self.i if i is None else i) - self.line_start + 1

    def newline(self, at: int) -> None:
        self.line += 1
        self.line_start = at + 1
        self.dirty = False

    def run(self) -> None:
        src, n = self.src, len(self.src)
        while self.i < n:
            c = src[self.i]
            if c == "\n":
                self.newline(self.i)
                self.i += 1
                continue
            if c in " \t\r":
                self.i += 1
                continue
            if src.startswith("//", self.i):
                end = src.find("\n", self.i)
                end = n if end < 0 else end
                self.comments.append((src[self.i:end], self.line, self.col(), not self.dirty))
                self.i = end
            elif src.startswith("/*", self.i):
                end = src.find("*/", self.i + 2)
                if end < 0:
                    raise ScanError("comment not terminated", self.line, self.col())
                self.comments.append((src[self.i:end + 2], self.line, self.col(), not self.dirty))
                for j in range(self.i, end):
                    if src[j] == "\n":
                        self.newline(j)
                self.i = end + 2
            elif c == '"':
                self.interpreted()
            elif c == "`":
                self.raw()
            elif c == "'":
                self.rune()
            elif c.isdigit() or (c == "." and self.i + 1 < n and src[self.i + 1].isdigit()):
                self.number()
            elif c == "_" or c.isalpha():
                start = self.i
                while self.i < n and (src[self.i] == "_" or src[self.i].isalnum()):
                    self.i += 1
                self.tokens.append(Token("ident", src[start:self.i], self.line, self.col(start)))
            elif c == "\x00":
                raise ScanError("invalid NUL character", self.line, self.col())
            else:
                self.tokens.append(Token("op", c, self.line, self.col()))
                self.i += 1
            self.dirty = True  # (no copy of the line to tell: that was quadratic on one long line)

    def escape(self, quote: str) -> str:
        """Decode one escape sequence starting at the backslash at self.i."""
        src = self.src
        line, col = self.line, self.col()
        if self.i + 1 >= len(src):
            raise ScanError("escape sequence not terminated", line, col)
        e = src[self.i + 1]
        if e in _SIMPLE_ESCAPES or e == quote:
            self.i += 2
            return _SIMPLE_ESCAPES.get(e, e)
        digits = {"x": (2, 16), "u": (4, 16), "U": (8, 16)}.get(e)
        if digits is not None:
            count, base = digits
            start = self.i + 2
        elif e in "01234567":
            count, base = 3, 8
            start = self.i + 1
        else:
            raise ScanError("unknown escape sequence", line, col)
        text = src[start:start + count]
        try:
            value = int(text, base) if len(text) == count else -1
        except ValueError:
            value = -1
        if value < 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF and e in "uU":
            raise ScanError("invalid escape sequence", line, col)
        self.i = start + count
        return chr(value)

    def interpreted(self) -> None:
        src, n = self.src, len(self.src)
        line, col = self.line, self.col()
        self.i += 1
        out = []
        while True:
            if self.i >= n or src[self.i] == "\n":
                raise ScanError("string literal not terminated", line, col)
            c = src[self.i]
            if c == '"':
                self.i += 1
                break
            if c == "\\":
                out.append(self.escape('"'))
            else:
                out.append(c)
                self.i += 1
        self.tokens.append(Token("string", "".join(out), line, col))

    def raw(self) -> None:
        src = self.src
        line, col = self.line, self.col()
        end = src.find("`", self.i + 1)
        if end < 0:
            raise ScanError("raw string literal not terminated", line, col)
        body = src[self.i + 1:end]
        for j in range(self.i + 1, end):
            if src[j] == "\n":
                self.newline(j)
        self.i = end + 1
        self.tokens.append(Token("string", body.replace("\r", ""), line, col))

    def rune(self) -> None:
        src, n = self.src, len(self.src)
        line, col = self.line, self.col()
        self.i += 1
        while True:
            if self.i >= n or src[self.i] == "\n":
                raise ScanError("rune literal not terminated", line, col)
            c = src[self.i]
            if c == "'":
                self.i += 1
                break
            if c == "\\":
                self.escape("'")
            else:
                self.i += 1
        self.tokens.append(Token("rune", "", line, col))

    def number(self) -> None:
        src, n = self.src, len(self.src)
        start = self.i
        hexa = src[start:start + 2].lower() == "0x"  # decided once: copying the literal per sign was quadratic
        while self.i < n:
            c = src[self.i]
            if c.isalnum() or c in "._":
                self.i += 1
            elif c in "+-" and src[self.i - 1] in "eEpP" and not hexa \
                    or c in "+-" and src[self.i - 1] in "pP":
                self.i += 1
            else:
                break
        self.tokens.append(Token("number", src[start:self.i], self.line, self.col(start)))


def lex(src: str) -> tuple[list[Token], list[tuple[str, int, int, bool]]]:
    """Tokens (without comments) and comments of ``src``. Raises ``ScanError``."""
    lexer = _Lexer(src)
    lexer.run()
    return lexer.tokens, lexer.comments


def _directive_violations(comments: Iterable[tuple[str, int, int, bool]]) -> list[Violation]:
    out = []
    for text, line, col, _first in comments:
        if text.startswith("//"):
            body = text[2:]
            if body.startswith("go:"):
                name = body[3:].split(None, 1)[0] if body[3:].strip() else ""
                if name not in ALLOWED_DIRECTIVES:
                    shown = name if len(name) <= MAX_SHOWN else name[:MAX_SHOWN] + "..."
                    out.append(Violation("directive", f"directive //go:{shown} is not allowed", line, col))
            elif body.startswith("line ") or body.startswith("export "):
                word = body.split(None, 1)[0]
                out.append(Violation("directive", f"directive //{word} is not allowed", line, col))
        elif text.startswith("/*line "):
            out.append(Violation("directive", "directive /*line is not allowed", line, col))
        # cgo preambles: `#cgo` lines inside any comment
        for k, row in enumerate(text.splitlines()):
            stripped = row.lstrip("/* \t")
            if stripped.startswith("#cgo"):
                out.append(Violation("directive", "cgo directive #cgo is not allowed", line + k, col if k == 0 else None))
    return out


def _valid_path(path: str) -> bool:
    if not path or path.startswith("/") or path.endswith("/") or "//" in path:
        return False
    return all(ch.isalnum() or ch in "/._-~+" for ch in path) and ".." not in path.split("/")


# A refusal quotes what it refuses, but no more than this: the source is the guest's, and a report
# (stderr, the audit event, a worker's result frame) must not grow with it.
MAX_SHOWN = 80


def _shown(path: str) -> str:
    if len(path) <= MAX_SHOWN:
        return repr(path)
    return f"{path[:MAX_SHOWN]!r}... ({len(path)} characters)"


def check_source(src: str, packages: Iterable[str]) -> list[Violation]:
    """Return every policy violation of ``src`` (empty when it may be compiled)."""
    allowed = frozenset(packages)
    try:
        tokens, comments = lex(src)
    except ScanError as e:
        return [Violation("syntax", str(e), e.line, e.col)]
    out = _directive_violations(comments)

    if len(tokens) < 2 or tokens[0].text != "package" or tokens[0].kind != "ident":
        where = tokens[0] if tokens else None
        out.append(Violation("package", "the program must start with `package main`",
                             where.line if where else 1, where.col if where else 1))
    elif tokens[1].kind != "ident" or tokens[1].text != "main":
        out.append(Violation("package", f"package must be main, got {_shown(tokens[1].text)}", tokens[1].line, tokens[1].col))

    # Every `import` keyword, wherever it is (the compiler rejects misplaced ones,
    # but checking them all keeps this scan independent of Go's grammar rules).
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not (tok.kind == "ident" and tok.text == "import"):
            i += 1
            continue
        i += 1
        grouped = i < len(tokens) and tokens[i].kind == "op" and tokens[i].text == "("
        if grouped:
            i += 1
        while i < len(tokens):
            t = tokens[i]
            if grouped and t.kind == "op" and t.text == ")":
                i += 1
                break
            if t.kind == "op" and t.text == ";":
                i += 1
                continue
            # optional name: identifier, `.` or `_`
            if t.kind == "ident" or (t.kind == "op" and t.text == "."):
                i += 1
                if i >= len(tokens):
                    break
                t = tokens[i]
            if t.kind != "string":
                out.append(Violation("syntax", "cannot parse import declaration", t.line, t.col))
                i += 1
                break
            path = t.text
            if path == "C":
                out.append(Violation("import", 'import "C" (cgo) is not allowed', t.line, t.col))
            elif not _valid_path(path):
                out.append(Violation("import", f"import path {_shown(path)} is not valid", t.line, t.col))
            elif path not in allowed:
                out.append(Violation("import", f"import of package {_shown(path)} is not allowed", t.line, t.col))
            i += 1
            if not grouped:
                break
        else:
            if grouped:
                out.append(Violation("syntax", "import group not closed", tok.line, tok.col))
    out.sort(key=lambda v: (v.line or 0, v.col or 0))
    return list(cap_violations(out))
