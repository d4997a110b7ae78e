"""Static scan for module loading: ``require(...)``, ``import ... from``, ``import(...)``.

The only modules are the prelude's Node-style shims, ``require('fs')`` (stdin reads only),
``require('readline')`` (and ``readline/promises``) and ``require('process')``, with or without
the ``node:`` prefix, loaded by ``require`` with a string literal, and ``require('buffer')`` and
``require('url')`` (the ``Buffer``, ``URL`` and ``URLSearchParams`` globals). Every other module request
(another module, a dynamic ``require(name)``, ``import``) is a violation reported with its line,
instead of an error at run time. The scan uses a small tokenizer that skips strings, comments,
template literals and regular expression literals, so text inside them never counts.
"""

from __future__ import annotations

import re

from ..result import MAX_LISTED_VIOLATIONS, Violation

# Modules with host access get a specific reason; every other module is simply unavailable.
# (No module is allowed: this table only makes the message say why the common ones matter.)
_HOST_MODULES = {
    "fs": "filesystem access", "fs/promises": "filesystem access", "path": "host paths",
    "child_process": "process creation", "cluster": "process creation",
    "worker_threads": "threads", "vm": "other JavaScript contexts", "v8": "engine internals",
    "os": "host information", "process": "the host process", "module": "the module loader",
    "net": "network access", "http": "network access", "https": "network access", "http2": "network access",
    "dgram": "network access", "dns": "network access", "tls": "network access", "inspector": "the debugger",
    "async_hooks": "engine internals", "perf_hooks": "high-resolution timers",
    "repl": "the host's stdin", "tty": "the host's terminal",
    "crypto": "native code", "zlib": "native code",
    "wasi": "system interface",
}

# What require() of a string literal may load (the prelude's shims); see the module docstring.
SHIMMED_MODULES = frozenset({"fs", "readline", "readline/promises", "process", "buffer", "url"})
_SHIMS_HINT = ("the sandbox has only require('fs') (stdin), require('readline'), require('process'), require('buffer') "
               "and require('url')")

_TOKEN = re.compile(
    r"""
    (?P<ws>[ \t\f\v\u00a0\ufeff]+)
  | (?P<nl>\r\n|[\n\r\u2028\u2029])
  | (?P<lc>//[^\n\r\u2028\u2029]*)
  | (?P<bc>/\*[\s\S]*?(?:\*/|\Z))
  | (?P<str>'(?:[^'\\\n\r]|\\[\s\S])*'? | "(?:[^"\\\n\r]|\\[\s\S])*"?)
  | (?P<name>[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*)
  | (?P<num>\.?\d[\w.]*)
  | (?P<punct>\?\.|\.\.\.|\+\+|--|[{}()\[\];,<>+\-*%&|^!~?:=.@#])
  | (?P<slash>/)
  | (?P<tick>`)
  | (?P<other>.)
    """,
    re.VERBOSE,
)
_TEMPLATE_CHUNK = re.compile(r"(?:[^`\\$]|\\[\s\S]|\$(?!\{))*")
_REGEX = re.compile(r"/(?:[^/\\\[\n\r]|\\.|\[(?:[^\]\\\n\r]|\\.)*\])+/[A-Za-z]*")
# After these keywords a slash starts a regular expression, not a division.
_KEYWORDS_BEFORE_EXPR = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw",
                         "case", "do", "else", "yield", "await"}


_EOL = re.compile(r"[\n\r]")
_NO_DYNAMIC_REQUIRE = ("dynamic require() is not available: require() takes a string literal ('fs', 'readline' "
                       "or 'process')")
_NO_DYNAMIC_IMPORT = "dynamic import() is not available; there are no modules in the sandbox"


class _TooIrregular(Exception):
    """Regular expression literals that never close: the scan would take quadratic time."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _tokens(code: str) -> list[tuple[str, str, int, int]]:
    """(kind, text, line, offset) for names, strings, punctuation; template literals become one token."""
    out: list[tuple[str, str, int, int]] = []
    line = 1
    pos = 0
    n = len(code)
    # A failed regular-expression attempt can read to the end of its line: `(/[(/[(/[...` on one
    # line would cost the square of its length. Such code is a SyntaxError anyway (a slash after
    # `(` starts a regular expression in JavaScript too); past this budget the scan stops.
    budget = 2 * n + 100_000
    eol = -1  # end of the line the last failed attempt was on
    braces: list[str] = []  # '{' for ordinary braces, '`' for ${ } inside templates
    prev: tuple[str, str, int, int] | None = None

    def template_from(p: int) -> int:
        """Scan template text starting after ` or }; return position after the closing ` or ${."""
        nonlocal line
        m = _TEMPLATE_CHUNK.match(code, p)
        end = m.end() if m else p
        line += code.count("\n", p, end)
        if code.startswith("${", end):
            braces.append("`")
            return end + 2
        return end + 1  # past the closing backtick (or the end)

    while pos < n:
        m = _TOKEN.match(code, pos)
        if m is None:  # pragma: no cover - the pattern matches any character
            break
        kind = m.lastgroup or "other"
        text = m.group()
        start_line = line
        if kind == "tick":
            start = pos
            pos = template_from(m.end())
            tok = ("template", "`", start_line, start)
            out.append(tok)
            prev = tok
            continue
        if kind == "slash":
            regex_ok = prev is None or (prev[0] == "punct" and prev[1] not in (")", "]", "}")) or (
                prev[0] == "name" and prev[1] in _KEYWORDS_BEFORE_EXPR)
            if prev is not None and prev[1] in ("++", "--") and len(out) >= 2:
                # `a++ / b` divides; `x = ++/re/.lastIndex` is a prefix operator before a regex.
                before = out[-2]
                regex_ok = not (before[0] in ("num", "str", "template", "regex")
                                or (before[0] == "name" and before[1] not in _KEYWORDS_BEFORE_EXPR)
                                or (before[0] == "punct" and before[1] in (")", "]")))
            if regex_ok:
                rm = _REGEX.match(code, pos)
                if rm:
                    prev = ("regex", rm.group(), start_line, pos)
                    pos = rm.end()
                    out.append(prev)
                    continue
                if eol < pos:
                    em = _EOL.search(code, pos)
                    eol = em.start() if em else n
                budget -= eol - pos
                if budget < 0:
                    raise _TooIrregular(start_line)
            kind = "punct"
        if kind == "punct" and text == "{":
            braces.append("{")
        if kind == "punct" and text == "}" and braces and braces.pop() == "`":
            prev = ("template", "}", start_line, pos)
            pos = template_from(m.end())
            out.append(prev)
            continue
        start = pos
        pos = m.end()
        if kind in ("nl", "bc", "str"):
            line += text.count("\n") + text.count("\u2028") + text.count("\u2029") + (
                1 if kind == "nl" and text == "\r" else 0)
        if kind in ("ws", "nl", "lc", "bc"):
            continue
        tok = (kind, text, start_line, start)
        out.append(tok)
        prev = tok
    return out


def _string_value(tok: tuple[str, str, int, int]) -> str | None:
    if tok[0] == "str" and len(tok[1]) >= 2:
        return tok[1][1:-1]
    return None


def _bare(module: str) -> str:
    return module[5:] if module.startswith("node:") else module


def _reason(module: str) -> str:
    name = _bare(module)
    if name in SHIMMED_MODULES:
        return (f"module '{module}' can only be loaded with require('{module}') or a static import of its "
                "exports (import fs from 'fs', import {{ readFileSync }} from 'fs', import * as fs from 'fs')")
    why = _HOST_MODULES.get(name)
    if why is not None:
        return f"module '{module}' is not allowed ({why}); {_SHIMS_HINT}"
    return f"module '{module}' is not available; {_SHIMS_HINT}"


def scan_imports(code: str) -> list[Violation]:
    """Every ``require``/``import`` in ``code``, as violations with their lines."""
    if "require" not in code and "import" not in code:
        return []
    try:
        toks = _tokens(code)
    except _TooIrregular as e:
        return [Violation("syntax", "unterminated regular expression literals: the source cannot be checked for "
                                    "module loading", e.line)]
    found: list[Violation] = []
    for i, (kind, text, line, _) in enumerate(toks):
        if kind != "name" or text not in ("require", "import"):
            continue
        if len(found) == MAX_LISTED_VIOLATIONS - 1:  # one is enough to refuse: stop scanning (see cap_violations)
            found.append(Violation("import", f"... and more module requests from line {line} on", line))
            break
        before = toks[i - 1] if i > 0 else None
        if before is not None and before[0] == "punct" and before[1] in (".", "?."):
            continue  # a property named require/import
        after = toks[i + 1] if i + 1 < len(toks) else None
        if text == "require":
            if after is None or after[1] != "(":
                continue
            arg = toks[i + 2] if i + 2 < len(toks) else None
            close = toks[i + 3] if i + 3 < len(toks) else None
            module = _string_value(arg) if arg is not None and close is not None and close[1] == ")" else None
            if module is not None:
                if _bare(module) not in SHIMMED_MODULES:
                    found.append(Violation("import", _reason(module), line))
            else:
                found.append(Violation("import", _NO_DYNAMIC_REQUIRE, line))
            continue
        # import
        if after is not None and after[1] == ".":
            continue  # import.meta: a syntax error outside modules, reported by the compiler
        if after is not None and after[1] == "(":
            arg = toks[i + 2] if i + 2 < len(toks) else None
            module = _string_value(arg) if arg is not None else None
            detail = _reason(module) if module is not None else _NO_DYNAMIC_IMPORT
            found.append(Violation("import", detail, line))
            continue
        shim = _shim_import(toks, i)
        if shim is not None:
            continue  # a static import of a shim: rewritten to a require() (rewrite_imports)
        # static import: the module is the first string token before the statement ends
        module = None
        for j in range(i + 1, min(len(toks), i + 200)):
            t = toks[j]
            if t[0] == "str":
                module = _string_value(t)
                break
            if t[1] == ";" or (t[0] == "name" and t[1] in ("import", "require")):
                break
        if module is not None:
            found.append(Violation("import", _reason(module), line))
        elif after is not None and after[0] in ("name", "str") or (after is not None and after[1] in ("{", "*")):
            found.append(Violation("import", "import statements are not available; there are no modules in the sandbox",
                                   line))
    return found


# ------------------------------------------------------------------ static imports of the shims
# ES-module programs (`import fs from 'node:fs'`, `import { createInterface } from 'readline'`)
# load the same shims: each such declaration is rewritten in place to a `const` of require()
# with the same line breaks, and the program runs as a module body does (strict, its top-level
# declarations not on the global object, top-level await allowed: see _runtime.py).
_IDENT = re.compile(r"[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*\Z")


def _shim_import(toks: list[tuple[str, str, int, int]], i: int) -> tuple[int, str] | None:
    """``(index past the declaration, replacement)`` when ``toks[i]`` starts ``import ... from '<shim>'``
    in one of the forms below; else None. A bare ``import '<shim>'`` loads nothing."""
    j = i + 1
    default = namespace = None
    named: list[tuple[str, str]] = []

    def tok(k: int) -> tuple[str, str, int, int] | None:
        return toks[k] if k < len(toks) else None

    t = tok(j)
    if t is not None and t[0] == "str":
        module = _string_value(t)
        if module is None or _bare(module) not in SHIMMED_MODULES:
            return None
        j += 1
        if (s := tok(j)) is not None and s[1] == ";":
            j += 1
        return j, ""
    if t is not None and t[0] == "name" and _IDENT.match(t[1]) and t[1] != "from":
        default = t[1]
        j += 1
        if (c := tok(j)) is not None and c[1] == ",":
            j += 1
        else:
            t = None
    t = tok(j)
    if t is not None and t[1] == "*":
        a, n = tok(j + 1), tok(j + 2)
        if a is None or a[1] != "as" or n is None or n[0] != "name" or not _IDENT.match(n[1]):
            return None
        namespace = n[1]
        j += 3
    elif t is not None and t[1] == "{":
        j += 1
        while True:
            n = tok(j)
            if n is None:
                return None
            if n[1] == "}":
                j += 1
                break
            if n[0] != "name" or not _IDENT.match(n[1]):
                return None
            local = n[1]
            j += 1
            if (a := tok(j)) is not None and a[1] == "as":
                m = tok(j + 1)
                if m is None or m[0] != "name" or not _IDENT.match(m[1]):
                    return None
                local = m[1]
                j += 2
            named.append((n[1], local))
            if (c := tok(j)) is not None and c[1] == ",":
                j += 1
    if default is None and namespace is None and not named:
        return None
    f, s = tok(j), tok(j + 1)
    if f is None or f[1] != "from" or s is None or s[0] != "str":
        return None
    module = _string_value(s)
    if module is None or _bare(module) not in SHIMMED_MODULES or "\\" in module:
        return None
    j += 2
    if (e := tok(j)) is not None and e[1] == ";":
        j += 1
    target = f"require('{module}')"
    parts = []
    first = default or namespace
    if first is not None:
        parts.append(f"const {first} = {target};")
        target = first
    if named:
        fields = ", ".join(name if name == local else f"{name}: {local}" for name, local in named)
        parts.append(f"const {{ {fields} }} = {target};")
    return j, " ".join(parts)


def rewrite_imports(code: str) -> tuple[str, bool]:
    """``code`` with its static imports of the shims rewritten to require() (same lines), and
    whether there were any (the program is then an ES module)."""
    if "import" not in code:
        return code, False
    try:
        toks = _tokens(code)
    except _TooIrregular:
        return code, False
    pieces: list[str] = []
    last = 0
    for i, tok in enumerate(toks):
        if tok[0] != "name" or tok[1] != "import":
            continue
        before = toks[i - 1] if i > 0 else None
        if before is not None and before[0] == "punct" and before[1] in (".", "?."):
            continue
        found = _shim_import(toks, i)
        if found is None:
            continue
        end_index, replacement = found
        start = tok[3]
        end_tok = toks[end_index - 1]
        end = end_tok[3] + len(end_tok[1])
        span = code[start:end]
        breaks = span.count("\n") + span.count("\r") - span.count("\r\n") + span.count("\u2028") + span.count("\u2029")
        pieces.append(code[last:start])
        pieces.append(replacement + "\n" * breaks)
        last = end
    if not pieces:
        return code, False
    pieces.append(code[last:])
    return "".join(pieces), True
