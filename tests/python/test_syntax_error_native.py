"""A SyntaxError's report is CPython's, byte for byte: the program's own (``  File "main.py", line N``, the
source line, the carets, ``SyntaxError: msg``), one that exec()/eval() raise, and one a program raises
itself with its own location tuple. CPython's C printer lays these out (``print_exception_file_and_line``,
``parse_syntax_error`` and ``print_error_text`` in Python/pythonrun.c): the message is the exception's
``msg``, not ``str(exc)``; offsets count UTF-8 bytes; the caret count is clipped to the text.

Each program runs as ``python3 -I main.py`` and in both isolations; stderr and the exit code must be equal.
The mutated programs are real ones: the HumanEval-X Python tasks, each broken at a seeded random place.

Known gap (not compared): a program file whose error sits right after a non-ASCII character at the end of
a line, where the file tokenizer's byte offset and the string parser's character offset differ by more than
the character's extra bytes (one case in ~450 mutations).
"""
import random

import pytest

from corpus.humaneval import programs

from .native import native_file

RAISED = {
    'plain': "raise SyntaxError('bad', ('f', 1, 1, 'x', 1, 2))\n",
    'indented_text': "raise SyntaxError('bad', ('f', 3, 5, '    abcdefgh\\n', 3, 8))\n",
    'no_location': "raise SyntaxError('bad')\n",
    'no_filename': "raise SyntaxError('bad', (None, 2, None, 'hello', None, None))\n",
    'empty_msg': "raise SyntaxError('', ('f', 1, 0, 'abc', 1, 0))\n",
    'none_msg': "raise SyntaxError(None, ('f', 1, 1, 'x', 1, 2))\n",
    'int_msg': "raise SyntaxError(1, ('f', 1, 1, 'x', 1, 1))\n",
    'indentation_error': "raise IndentationError('unexpected indent', ('m.py', 4, 3, '  x\\n', 4, 4))\n",
    'tab_error': "raise TabError('t', ('f', 1, 1, 'x', 1, 1))\n",
    'subclass': "class E(SyntaxError): pass\nraise E('sub', ('f', 1, 2, 'abc', 1, 3))\n",
    'offset_past_text': "raise SyntaxError('bad', ('f', 1, 10, 'ab', 1, 20))\n",
    'tabs_in_text': "raise SyntaxError('bad', ('f', 1, 2, 'a\\tb\\tc', 1, 4))\n",
    'text_of_lines': "raise SyntaxError('bad', ('f', 1, 5, 'ab\\ncd\\nef', 1, 6))\n",
    'offset_in_last_line': "raise SyntaxError('m', ('f', 1, 9, 'ab\\ncd\\nef\\n', 1, 2))\n",
    'lineno_zero': "raise SyntaxError('bad', ('f', 0, 1, 'x', 1, 1))\n",
    'negative_offset': "raise SyntaxError('bad', ('f', 1, -3, 'x', 1, 1))\n",
    'zero_offset': "raise SyntaxError('m', ('f', 1, 0, 'x', 1, 2))\n",
    'none_offset': "raise SyntaxError('m', ('f', 1, None, 'x', 1, 2))\n",
    'none_text': "raise SyntaxError('m', ('f', 1, 1, None, 1, 2))\n",
    'empty_text': "raise SyntaxError('m', ('f', 1, 1, '', 1, 2))\n",
    'whitespace_text': "raise SyntaxError('m', ('f', 1, 4, '  \\t\\fab\\n', 1, 9))\n",
    'end_before_start': "raise SyntaxError('bad', ('f', 2, 1, 'xyz', 1, 3))\n",
    'multi_line_span': "raise SyntaxError('bad', ('f', 1, 1, 'xyz', 3, 3))\n",
    'non_ascii_text': "raise SyntaxError('m', ('f', 1, 3, '\u00e9\u00e9 x', 1, 4))\n",
    'nul_in_text': "raise SyntaxError('m', ('f', 1, 3, 'ab\\0cd', 1, 4))\n",
    'bool_lineno': "raise SyntaxError('m', ('f', True, 1, 'x', 1, 2))\n",
    'int_filename': "raise SyntaxError('m', (5, 1, 1, 'x', 1, 2))\n",
    'huge_lineno': "raise SyntaxError('m', ('f', 10**30, 1, 'x', 1, 2))\n",
    'huge_offset': "raise SyntaxError('m', ('f', 1, 2**63, 'x', 1, 2))\n",
    'str_end_lineno': "raise SyntaxError('m', ('f', 1, 1, 'x', 'a', 2))\n",
    'str_end_offset': "raise SyntaxError('m', ('f', 1, 1, 'x', 1, 'b'))\n",
    'print_file_and_line_on_other': (
        "class E(Exception):\n    print_file_and_line = 1\n"
        "    msg = 'mm'; filename = 'q'; lineno = 3; offset = 2; text = 'hello'\nraise E('zz')\n"),
    'caught_then_chained': "try:\n    raise SyntaxError('in', ('f', 1, 2, 'abc', 1, 3))\n"
                           "except SyntaxError as e:\n    raise ValueError('v') from e\n",
}

EVALED = {
    'eval_incomplete': "eval('1 +')\n",
    'exec_two_lines': "exec('x = (1,\\n 2 +)')\n",
    'exec_never_closed': "exec('print((1, 2)\\n')\n",
    'exec_indent': "exec('if 1:\\nprint(2)')\n",
    'exec_return': "exec('return 5')\n",
    'exec_in_function': "def f(src):\n    exec(src)\nf('a b c')\n",
    'eval_chained': "try:\n    eval('1 +')\nexcept SyntaxError as e:\n    raise ValueError('v') from e\n",
    'exec_non_ascii': "exec('s = \"\u00e9\" +')\n",
    'caught_fields': "try:\n    exec('def f(:\\n  pass')\nexcept SyntaxError as e:\n"
                     "    print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text),"
                     " e.end_lineno, e.end_offset)\n",
    'caught_indent_fields': "try:\n    exec('if 1:\\n  x = 1\\n    y = 2')\nexcept SyntaxError as e:\n"
                            "    print(type(e).__name__, e.args)\n",
}

PROGRAM = {
    'never_closed': 'x = (\n',
    'bad_def': 'def f(:\n  pass',
    'unexpected_indent': 'print(1)\n  print(2)',
    'return_outside': 'return 5',
    'double_operator': 'x = 1 +* 2',
    'star_star': 'f(**)',
    'missing_colon': 'for i in range(3)\n    print(i)\n',
    'unterminated_string': "s = 'abc\nprint(s)\n",
    'unterminated_triple': 's = """abc\n\nprint(s)\n',
    'crlf_lines': 'a = 1\r\nb = (2\r\nc = 3\r\n',
    'tab_mix': 'if 1:\n\tx = 1\n        y = 2\n',
    'non_ascii_before': "s = 'h\u00e9llo' +\n",
    'non_ascii_indent': 'if 1:\n    x = 1\n  \u00e9 = 2\n',
    'wide_chars': "x = '\u65e5\u672c\u8a9e' ++ \n",
    'break_outside': 'break\n',
    'keyword_arg_repeated': 'f(a=1, a=2)\n',
    'assign_to_call': 'f() = 1\n',
    'walrus_bad': '(a.b := 1)\n',
    'nonlocal_module': 'nonlocal x\n',
    'last_line_no_newline': 'x = 1\ny = [1, 2',
}


def _mutations(count: int, seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    out = {}
    for n, src in list(programs("python")):
        if len(out) >= count:
            break
        i = rng.randrange(len(src))
        k = rng.randrange(3)
        if k == 0:
            m = src[:i] + src[i + 1:]
        elif k == 1:
            m = src[:i] + rng.choice("()[]{}:'\"=,\\\t") + src[i:]
        else:
            m = src[:i] + rng.choice(["  ", "\n    ", "\n", "$", "\u00e9 ", "else", "return"]) + src[i:]
        out[f"{n}_{k}_{i}"] = m
    return out


def _compare(sb, code):
    want_out, want_err, want_rc = native_file(code)
    r = sb.run("python", code, timeout=10)
    assert (r.stdout, r.stderr, r.exit_code) == (want_out, want_err, want_rc), (
        f"status {r.status}\n--- native\n{want_err}\n--- sandbox\n{r.stderr}")


@pytest.mark.parametrize("name", sorted(RAISED))
def test_raised_syntax_error_is_printed_as_cpython_prints_it(sb, name):
    _compare(sb, RAISED[name])


@pytest.mark.parametrize("name", sorted(EVALED))
def test_exec_and_eval_syntax_errors_are_cpythons(sb, name):
    _compare(sb, EVALED[name])


@pytest.mark.parametrize("name", sorted(PROGRAM))
def test_a_programs_syntax_error_is_reported_as_cpython_reports_it(sb, name):
    code = PROGRAM[name]
    want_err = native_file(code)[1]
    assert want_err.startswith('  File "main.py", line '), want_err  # a compile-time error natively
    r = sb.run("python", code)
    assert str(r.status) == "compile_error"
    assert (r.stderr, r.exit_code) == (want_err, 1), f"--- native\n{want_err}\n--- sandbox\n{r.stderr}"


def test_broken_real_programs_get_cpythons_syntax_error_report(inproc):
    """40 HumanEval-X tasks each broken at a seeded random place: wherever CPython refuses to compile the
    result, the sandbox's report is the same text (the program is never run: no worker needed)."""
    compared, diffs = 0, []
    for name, code in _mutations(40, seed=20261204).items():
        want_err = native_file(code)[1]
        if not want_err.startswith('  File "main.py", line '):
            continue  # still compiles: a runtime error or a pass, not this test's business
        compared += 1
        r = inproc.run("python", code, timeout=10)
        if (str(r.status), r.stderr) != ("compile_error", want_err):
            diffs.append((name, want_err, r.stderr))
    assert compared >= 15, compared
    assert diffs == []


def test_a_syntax_error_report_reads_no_host_file(inproc, tmp_path, monkeypatch):
    """CPython's parser and compiler take a SyntaxError's text from the file the code was compiled under,
    read from the disk: a host file named like the guest's (main.py) in the host's working directory must
    not become the report's text. The report's line is the program's own."""
    (tmp_path / "main.py").write_text("HOST SECRET LINE ONE\nHOST SECRET LINE TWO\n")
    monkeypatch.chdir(tmp_path)
    for code in ("x = (\n", "return 5\n", "y = 1\nbreak\n", "exec('a b')\n", "eval('(1,\\n2 +')\n"):
        r = inproc.run("python", code)
        assert "HOST SECRET" not in r.stderr, r.stderr
        assert "SyntaxError" in r.stderr, r.stderr
