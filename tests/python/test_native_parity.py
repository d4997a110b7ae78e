"""Answers the sandbox gives with status ok must be CPython's (issue 11: silently wrong answers).

Each program is run by ``python3`` and by the sandbox, in both isolations, and the outputs compared.
"""
import textwrap
from pathlib import Path

import pytest

from .native import native

PROGRAMS = {
    # sum() refuses str/bytes/bytearray starts before it iterates, even over an empty iterable.
    "sum_refuses_string_starts": """
        for args in (([], 'x'), (['a', 'b'], ''), ([b'a'], b''), ([], bytearray()), ([], 'x' * 3)):
            try:
                print(repr(sum(*args)))
            except TypeError as e:
                print('TypeError', e)
        try:
            sum([], start='')
        except TypeError as e:
            print('TypeError', e)
        class S(str):
            pass
        try:
            sum([], S('s'))
        except TypeError as e:
            print('TypeError', e)
        print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1, 2], start=10), sum([0.5, 0.25]))
    """,
    # sys.setrecursionlimit is enforced: a recursion deeper than the limit raises RecursionError, at the
    # depth CPython reaches; too low a limit for the current depth is refused with CPython's message.
    "recursion_limit_enforced": """
        import sys
        print(sys.getrecursionlimit())
        sys.setrecursionlimit(150)
        print(sys.getrecursionlimit())
        reached = 0
        def down(n):
            global reached
            reached = n
            down(n + 1)
        try:
            down(1)
        except RecursionError as e:
            print('RecursionError', reached, e)
        def shallow(n):
            return 0 if n == 0 else 1 + shallow(n - 1)
        print(shallow(120))
        try:
            shallow(300)
        except RecursionError as e:
            print('RecursionError', e)
        sys.setrecursionlimit(400)
        print(shallow(300))
        def nested(k):
            if k == 0:
                try:
                    sys.setrecursionlimit(5)
                except RecursionError as e:
                    print('RecursionError', e)
                return
            nested(k - 1)
        nested(10)
        for bad in (0, -1):
            try:
                sys.setrecursionlimit(bad)
            except ValueError as e:
                print('ValueError', e)
        try:
            sys.setrecursionlimit(2.5)
        except TypeError as e:
            print('TypeError', e)
        print(sys.getrecursionlimit())
    """,
    "recursion_limit_through_methods": """
        import sys
        sys.setrecursionlimit(100)
        class Node:
            def __init__(self, nxt):
                self.nxt = nxt
            def length(self):
                return 1 if self.nxt is None else 1 + self.nxt.length()
        n = None
        for _ in range(60):
            n = Node(n)
        print(n.length())
        for _ in range(100):
            n = Node(n)
        try:
            print(n.length())
        except RecursionError as e:
            print('RecursionError', e)
    """,
}


# Longer programs, one file each: exec()/eval() in the program's own namespaces, ordinary class machinery.
PROGRAMS.update({p.stem: p.read_text() for p in (Path(__file__).parent / "programs").glob("*.py")})


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_answer_as_cpython(sb, name):
    code = textwrap.dedent(PROGRAMS[name])
    want, err, rc = native(code)
    assert rc == 0, err
    r = sb.run("python", code)
    assert (str(r.status), r.stdout) == ("ok", want), r.stderr
