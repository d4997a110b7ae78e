"""An uncaught exception's report is CPython's, byte for byte: the chain of exceptions it was raised from
(``raise ... from``) or during (an error in an ``except``), each with its frames, the source line as the
printer shows it (leading whitespace dropped, trailing kept), the carets under the failing expression
(``^^^``, ``~~~^~~~`` for binary operators and subscripts; none where it spans the line; display widths
for wide characters), ``module.Name`` for library exceptions and ``__notes__``. Each program runs as
``python3 -I main.py`` and in both isolations; stderr and the exit code must be equal.

Not compared (known, by design or open): frames inside the standard library (natively they show host
paths, which a report never may), exception groups' boxed layout, and the frame count of a RecursionError
(the sandbox's own frames take part of the depth). SyntaxErrors: test_syntax_error_native.py.
"""
import pytest

from .native import native_file

PROGRAMS = {
    'binop': 'a = 1\nb = None\nprint(a + b)\n',
    'binop_nested': 'def f(x):\n    return x * 2 + [] \nf(3)\n',
    'subscript': "d = {'a': 1}\nprint(d['b'])\n",
    'subscript_nested': 'x = [[1, 2], [3]]\nprint(x[1][5] + 1)\n',
    'attr': 'class A: pass\nA().missing\n',
    'method_call': "s = 'abc'\ns.nosuch(1, 2)\n",
    'call_chain': 'def a(): return b()\ndef b(): return c()\ndef c(): return 1 / 0\nprint(a())\n',
    'multiline_call': 'def f(a, b):\n    return a / b\nx = f(\n    1,\n    0,\n)\n',
    'context': "try:\n    {}['k']\nexcept KeyError:\n    int('z')\n",
    'context_in_func': "def g():\n    try:\n        [].pop()\n    except IndexError as e:\n        raise ValueError('bad') \ng()\n",
    'from_none': "try:\n    1/0\nexcept ZeroDivisionError:\n    raise RuntimeError('x') from None\n",
    'cause_unraised': "raise ValueError('outer') from KeyError('inner')\n",
    'notes': "e = ValueError('v')\ne.add_note('first note')\ne.add_note('two\\nlines')\nraise e\n",
    'custom_exc': "class MyErr(Exception):\n    pass\ndef f():\n    raise MyErr('custom', 3)\nf()\n",
    'custom_str': "class E(Exception):\n    def __str__(self):\n        return 'E says ' + str(len(self.args))\nraise E(1, 2)\n",
    'no_msg': 'raise KeyError\n',
    'empty_str': "raise ValueError('')\n",
    'listcomp': 'xs = [1, 0, 2]\nprint([10 // x for x in xs])\n',
    'genexp': 'print(sum(1 / x for x in [1, 0]))\n',
    'lambda': 'f = lambda x: x.upper()\nf(3)\n',
    'mutual_recursion': 'def a(n):\n    if n > 5:\n        raise ValueError(n)\n    return b(n + 1)\ndef b(n):\n    return a(n)\na(0)\n',
    'unicode_line': "s = 'héllo wörld'; t = s + 5\n",
    'wide_chars': "x = '日本語'; y = x - 1\n",
    'tab_indent': "def f():\n\treturn 1 + 'a'\nf()\n",
    'assert': "x = 3\nassert x == 4, f'x is {x}'\n",
    'assert_plain': 'assert 1 == 2\n',
    'fstring': "x = None\nprint(f'{x.y}')\n",
    'type_error_call': 'def f(a): pass\nf(1, 2)\n',
    'unpack': 'a, b = [1, 2, 3]\n',
    'name_error': 'print(undefined_name)\n',
    'name_error_func': 'def f():\n    return undefined_thing + 1\nf()\n',
    'class_body': 'class C:\n    x = 1 / 0\n',
    'method_in_class': 'class C:\n    def m(self):\n        return self.v\nC().m()\n',
    'property': 'class C:\n    @property\n    def p(self):\n        return 1 / 0\nC().p\n',
    'decorator': 'def deco(f):\n    def w(*a):\n        return f(*a)\n    return w\n@deco\ndef g(x):\n    return x[1]\ng([])\n',
    'generator': 'def gen():\n    yield 1\n    raise StopIteration\nfor _ in gen(): pass\n',
    'exception_in_except_chain3': "try:\n    try:\n        1/0\n    except ZeroDivisionError:\n        [][1]\nexcept IndexError:\n    {}['x']\n",
    'reraise': 'try:\n    1/0\nexcept ZeroDivisionError:\n    raise\n',
    'raise_in_finally': "try:\n    1/0\nfinally:\n    print('f')\n",
    'sorted_key': "print(sorted([3, 1, 'a']))\n",
    'sorted_keyfunc': "def k(x):\n    return x['n']\nsorted([1, 2], key=k)\n",
    'map_call': "list(map(int, ['1', 'x']))\n",
    'dict_iter': 'd = {1: 2}\nfor k in d:\n    d[k + 1] = 0\n',
    'long_line': 'x = 1\ny = x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + None\n',
    'semicolons': 'a = 1; b = 0; c = a / b\n',
    'chained_compare': "print(1 < 'a')\n",
    'slice_index': "print('abc'[1:2][5])\n",
    'nested_attr': 'import math\nmath.floor.nope\n',
    'str_method_arg': "print('{} {}'.format(1))\n",
    'exception_args_tuple': "raise OSError(2, 'No such file')\n",
    'call_in_default_arg': 'def f(x=[][0]): pass\n',
    'exc_in_repr': 'class A:\n    def __repr__(self):\n        return 1 / 0\nprint(repr(A()))\n',
    'walrus': 'if (n := len([])) == 0:\n    print(10 / n)\n',
    'starred': 'def f(a, b): return a\nf(*[1, 2, 3])\n',
    'ternary': 'x = None\ny = x.a if x else x.b\n',
    'boolop': "x = {} and {}['k'] or [][0]\n",
    'multi_line_expr': 'total = (1 +\n         2 +\n         None)\n',
    'multiline_subscript': "d = {}\nv = d[\n    'key'\n]\n",
    'comment_after': 'x = 1 / 0  # divide\n',
    'deep_call_args': "print(len(str(int('12a'))))\n",
    'kwargs_error': "dict(a=1).pop('b')\n",
    'decimal_err': "from decimal import Decimal\nDecimal('x')\n",
    'itertools_err': 'import itertools\nlist(itertools.islice([1], -1))\n',
    'datetime_err': 'import datetime\ndatetime.date(2020, 13, 1)\n',
    'collections_err': 'from collections import deque\ndeque([1], maxlen=-1)\n',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_uncaught_exception_report_is_cpythons(sb, name):
    out, err, rc = native_file(PROGRAMS[name])
    assert rc == 1, err
    r = sb.run("python", PROGRAMS[name])
    assert (r.stdout, r.stderr, r.exit_code) == (out, err, rc), r.status
