"""Property tests: generated and mutated programs in each language always come back as a Result in time.

For any input the call returns within timeout + slack, never raises, never leaks a canary (a secret file
and a secret environment variable of this process), and the sandbox still runs a normal program after.
Examples are few and the timeouts short so the module stays well under a minute.
"""

from __future__ import annotations

import os
import secrets
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandboxes import Result, Sandbox
from sandboxes.attacks import load_corpus

TIMEOUT = 0.5
SLACK = 8.0  # a loaded 2-core CI machine; the bound is about hangs, not speed
SECRET_ENV = "SANDBOXES_FUZZ_CANARY"
SECRET = "fuzzcanary" + secrets.token_hex(8)

pytestmark = pytest.mark.filterwarnings("ignore")

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def sb(tmp_path_factory):
    d = tmp_path_factory.mktemp("fuzz")
    (d / "secret.txt").write_text(SECRET)
    os.environ[SECRET_ENV] = SECRET
    with Sandbox() as box:
        yield box
    os.environ.pop(SECRET_ENV, None)


def _run(sb: Sandbox, lang: str, code: str) -> Result:
    t0 = time.monotonic()
    r = sb.run(lang, code, timeout=TIMEOUT)
    wall = time.monotonic() - t0
    assert isinstance(r, Result)
    # A Go program compiles inside the timeout, so a compile timeout is an answer too.
    assert wall < TIMEOUT + SLACK, (lang, code[:200], wall)
    assert SECRET not in r.stdout + r.stderr
    return r


# --- generated programs: snippets of each language's grammar, combined at random

PY_ATOMS = ["1", "'a'", "[1, 2]", "{}", "None", "x", "len", "print", "open", "__import__", "().__class__", "getattr",
            "lambda: 0", "(i for i in range(3))", "10 ** 10 ** 3", "'%s' % 1", "b'\\xff'", "os", "sys"]
PY_STMTS = ["x = {a}", "print({a})", "{a}({b})", "for i in range(3):\n    {a}", "while False:\n    pass",
            "try:\n    {a}\nexcept Exception as e:\n    print(e)", "import {m}", "def f():\n    return {a}\nf()",
            "class C:\n    y = {a}", "assert {a}", "raise ValueError({a})", "del x", "{a}.{n}", "exec('{q}')"]
JS_ATOMS = ["1", "'a'", "[1,2]", "{}", "null", "undefined", "x", "this", "globalThis", "Function", "eval",
            "new Proxy({}, {})", "Symbol()", "1n ** 100n", "/a+/", "new ArrayBuffer(8)", "process", "require"]
JS_STMTS = ["var x = {a};", "console.log({a});", "({a})({b});", "for (let i = 0; i < 3; i++) {{ {a}; }}",
            "try {{ {a}; }} catch (e) {{ console.log(String(e)); }}", "throw {a};", "({a}).{n};",
            "function f() {{ return {a}; }} f();", "class C {{ m() {{ return {a}; }} }}", "eval('{q}');"]
GO_ATOMS = ["1", "\"a\"", "[]int{1, 2}", "nil", "x", "len(\"ab\")", "1 << 10", "3.5", "'c'"]
GO_STMTS = ["x := {a}\n\t_ = x", "fmt.Println({a})", "for i := 0; i < 3; i++ {{ _ = i }}", "panic({a})",
            "var y = []int{{}}\n\t_ = y[{a}]", "defer fmt.Println({a})", "go func() {{ _ = {a} }}()"]
NAMES = ["x", "y", "__class__", "constructor", "prototype", "gi_frame", "env"]


def _program(draw, stmts, atoms, n):
    out = []
    for _ in range(n):
        s = draw(st.sampled_from(stmts))
        out.append(s.format(a=draw(st.sampled_from(atoms)), b=draw(st.sampled_from(atoms)),
                            n=draw(st.sampled_from(NAMES)), m=draw(st.sampled_from(["math", "os", "json", "sys"])),
                            q=draw(st.sampled_from(atoms)).replace("'", "")))
    return out


@st.composite
def python_programs(draw):
    return "\n".join(_program(draw, PY_STMTS, PY_ATOMS, draw(st.integers(1, 5)))) + "\n"


@st.composite
def js_programs(draw):
    return "\n".join(_program(draw, JS_STMTS, JS_ATOMS, draw(st.integers(1, 5)))) + "\n"


@st.composite
def go_programs(draw):
    body = "\n\t".join(_program(draw, GO_STMTS, GO_ATOMS, draw(st.integers(1, 3))))
    return f'package main\n\nimport "fmt"\n\nfunc main() {{\n\tvar x interface{{}} = 0\n\t_ = x\n\t{body}\n\tfmt.Print()\n}}\n'


@FUZZ
@given(code=python_programs())
def test_generated_python(sb, code):
    _run(sb, "python", code)


@FUZZ
@given(code=js_programs())
def test_generated_javascript(sb, code):
    _run(sb, "javascript", code)


@settings(FUZZ, max_examples=12)
@given(code=go_programs())
def test_generated_go(sb, code):
    # Most generated Go programs are type errors (a fast compile_error); a few compile (slower).
    _run(sb, "go", code)


# --- mutated attacks: the shipped corpus, with bytes flipped, dropped or duplicated

CORPUS = {lang: [a for a in load_corpus([lang]) if a.category not in ("resource-exhaustion",)]
          for lang in ("python", "javascript", "go")}
VALUES = {"CANARY_FILE": "/nonexistent/secret.txt", "CANARY_DIR": "/nonexistent", "CANARY_REL": "../../x",
          "CANARY_LINK": "/nonexistent/link", "CANARY_ENV": SECRET_ENV, "VICTIM_FILE": "/nonexistent/victim",
          "TCP_PORT": "9", "UDP_PORT": "9"}


@st.composite
def mutated(draw, lang):
    attack = draw(st.sampled_from(CORPUS[lang]))
    code = attack.render(VALUES)
    for _ in range(draw(st.integers(1, 4))):
        if not code:
            break
        i = draw(st.integers(0, len(code) - 1))
        op = draw(st.sampled_from(["flip", "drop", "dup", "insert"]))
        if op == "flip":
            code = code[:i] + chr(draw(st.integers(32, 0x2FF))) + code[i + 1:]
        elif op == "drop":
            code = code[:i] + code[i + draw(st.integers(1, 20)):]
        elif op == "dup":
            j = min(len(code), i + draw(st.integers(1, 40)))
            code = code[:j] + code[i:j] + code[j:]
        else:
            code = code[:i] + draw(st.sampled_from(["\x00", "\\", "'", '"', "`", "(", "}", "\n", "\t", "\u2028"])) \
                + code[i:]
    return code


@FUZZ
@given(code=mutated("python"))
def test_mutated_python_attacks(sb, code):
    _run(sb, "python", code)


@FUZZ
@given(code=mutated("javascript"))
def test_mutated_javascript_attacks(sb, code):
    _run(sb, "javascript", code)


@settings(FUZZ, max_examples=12)
@given(code=mutated("go"))
def test_mutated_go_attacks(sb, code):
    _run(sb, "go", code)


def test_sandbox_still_works_after_fuzzing(sb):
    assert sb.run("python", "print(1)").stdout == "1\n"
    assert sb.run("javascript", "console.log(1)").stdout == "1\n"
