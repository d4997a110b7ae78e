# Attack: catastrophic backtracking in re (`(a+)+$` on 'a'*40+'b'): the matching loop runs in C and never
# returns to the interpreter, so neither ticks nor an async exception can stop it in-process.
# Published: OWASP ReDoS; Python sandbox DoS write-ups; this project's brief.
import pytest

CODE = "import re\nprint(re.match('(a+)+$', 'a' * 40 + 'b'))"


def test_redos_is_killed_in_the_worker(guest):
    if guest.mode == "inprocess":
        pytest.skip("in-process, C code that never returns to the interpreter cannot be interrupted "
                    "(documented in sandboxes/python/runtime.py); running it would wedge the test process")
    r = guest.run(CODE, timeout=1.0)
    guest.contained(r, {"timeout"}, max_wall=3.0)


def test_short_regex_still_works(guest):
    r = guest.run("import re\nprint(re.match('(a+)+$', 'a' * 10 + 'b'), re.findall(r'\\d+', 'a1b22'))")
    guest.contained(r, {"ok"})
    assert r.stdout == "None ['1', '22']\n"
