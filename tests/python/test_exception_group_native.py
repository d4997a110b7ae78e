"""An uncaught exception group is reported as CPython reports it, byte for byte: the boxed layout of
``print_exception_group`` (Python/pythonrun.c; traceback.py's ``TracebackException.format`` has the same):
``  + Exception Group Traceback``, a ``| `` margin per level, ``+-+---- 1 ----`` titles, at most 15 members
(``and N more exceptions``) and 10 levels (``... (max_group_depth is 10)``), members' own chains, notes,
and the lines the C printer writes without the margin (a message's later lines, ``[Previous line repeated]``,
a SyntaxError's text). Also: source lines are counted as CPython counts them (a form feed is no line break).

Each program runs as ``python3 -I main.py`` and in both isolations; stdout, stderr and the exit code must
be equal. Not compared: asyncio.TaskGroup's group (natively its frames include asyncio's, host paths).
"""
import time

import pytest

from .native import native_file

PROGRAMS = {
    'flat': "raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])\n",
    'nested': "def f():\n    raise ExceptionGroup('inner', [KeyError('k'), ValueError('v')])\ntry:\n    f()\n"
              "except Exception as e:\n    raise ExceptionGroup('outer', [e, RuntimeError('r')])\n",
    'nested_last': "raise ExceptionGroup('eg', [ValueError(1), ExceptionGroup('in', [TypeError(2)])])\n",
    'raised_members': "excs = []\nfor i in range(3):\n    try:\n        raise ValueError(i)\n    except ValueError as e:\n"
                      "        excs.append(e)\nraise ExceptionGroup('many', excs)\n",
    'wide': "raise ExceptionGroup('w', [ValueError(i) for i in range(20)])\n",
    'exactly_15': "raise ExceptionGroup('w', [ValueError(i) for i in range(15)])\n",
    'sixteen': "raise ExceptionGroup('w', [ValueError(i) for i in range(16)])\n",
    'deep': "e = ValueError('leaf')\nfor i in range(13):\n    e = ExceptionGroup(f'g{i}', [e])\nraise e\n",
    'chained_member': "try:\n    1/0\nexcept ZeroDivisionError as z:\n    try:\n        raise KeyError('x') from z\n"
                      "    except KeyError as k:\n        raise ExceptionGroup('eg', [k])\n",
    'group_with_cause': "try:\n    raise ExceptionGroup('a', [ValueError(1)])\nexcept ExceptionGroup as g:\n"
                        "    raise RuntimeError('after') from g\n",
    'notes': "e = ValueError('n')\ne.add_note('a note')\ne.add_note('ends in a newline\\n')\ne.add_note('')\n"
             "g = ExceptionGroup('eg', [e])\ng.add_note('group note\\nline two')\nraise g\n",
    'notes_odd_breaks': "e = ValueError('n')\ne.add_note('x\\x0by\\u2028z')\nraise ExceptionGroup('eg', [e])\n",
    'base_group': "raise BaseExceptionGroup('b', [KeyboardInterrupt(), ValueError(3)])\n",
    'system_exit_member': "raise BaseExceptionGroup('b', [SystemExit(3)])\n",
    'subclass': "class MyGroup(ExceptionGroup):\n    pass\nraise MyGroup('mine', [TypeError('t')])\n",
    'syntax_member': "raise ExceptionGroup('s', [SyntaxError('bad', ('f', 1, 2, 'abc', 1, 3))])\n",
    'context_in_group': "try:\n    try:\n        raise ValueError('first')\n    except ValueError:\n"
                        "        raise TypeError('second')\nexcept TypeError as t:\n"
                        "    raise ExceptionGroup('ctx', [t, ValueError('plain')])\n",
    'same_member_twice': "v = ValueError('dup')\nraise ExceptionGroup('d', [v, v])\n",
    'multiline_messages': "raise ExceptionGroup('g\\nh', [ValueError('a\\nb\\x0bc\\u2028d\\ne'), KeyError('x\\ny')])\n",
    'member_recursion_fold': "def r(n):\n    if n == 0:\n        raise ValueError('deep')\n    return r(n - 1)\ntry:\n"
                             "    r(10)\nexcept ValueError as v:\n    raise ExceptionGroup('rec', [v])\n",
    'dag': "g = ExceptionGroup('leaf', [ValueError(1)])\nfor i in range(4):\n    g = ExceptionGroup(f'l{i}', [g, g])\n"
           "raise g\n",
    'member_is_cause': "v = ValueError('v')\ntry:\n    raise ExceptionGroup('g', [v]) from v\nexcept ExceptionGroup as g:\n"
                       "    raise g\n",
    'cause_is_group_in_last_member': "try:\n    raise ExceptionGroup('c', [KeyError(1), KeyError(2)])\n"
                                     "except ExceptionGroup as c:\n    try:\n        raise ValueError('v') from c\n"
                                     "    except ValueError as v:\n        raise ExceptionGroup('top', [TypeError(0), v])\n",
    'custom_str_member': "class E(Exception):\n    def __str__(self):\n        return 'custom ' + str(self.args[0])\n"
                         "raise ExceptionGroup('eg', [E(1), E(2)])\n",
    'form_feed_line': "x = 1\n\x0c\nif x is 1: pass\ny = [1/0]\n",
    'line_separator_in_comment': "# a \u2028 b \x1c c \x85 d\nz = {}\nz['k']\n",
    'printed_first': "print('out')\nraise ExceptionGroup('eg', [ValueError('late')])\n",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_exception_group_report_is_cpythons(sb, name):
    code = PROGRAMS[name]
    want = native_file(code)
    r = sb.run("python", code, timeout=10)
    assert (r.stdout, r.stderr, r.exit_code) == want, f"status {r.status}\n--- native\n{want[1]}\n--- sandbox\n{r.stderr}"


def test_a_group_of_groups_many_levels_deep_stops_at_the_output_cap(sb):
    """15 members, each the same group, 12 levels: natively ~15**10 boxes. The report stops at the output
    cap (the run's verdict then output_limit) in well under the timeout, and the next run is clean."""
    code = "g = ValueError('x' * 50)\nfor i in range(12):\n    g = ExceptionGroup('level %d' % i, [g] * 15)\nraise g\n"
    t0 = time.monotonic()
    r = sb.run("python", code, timeout=5)
    assert time.monotonic() - t0 < 30
    assert str(r.status) == "output_limit", r.stderr[-500:]
    assert r.stderr.startswith("  + Exception Group Traceback (most recent call last):\n")
    assert sb.run("python", "print(2)").stdout == "2\n"
