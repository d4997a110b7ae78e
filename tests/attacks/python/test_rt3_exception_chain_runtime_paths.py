# Attack: reach a traceback (and from it frames and host globals) from a caught exception by run-time paths
# that do not spell the attribute in the source: getattr with built names (`__traceback__`, `__context__`,
# `__cause__`), str.format fields, a class-pattern keyword, `with_traceback` on another exception, and the
# exception `args`/`__notes__` of errors raised inside library code.
# Published: pyjail write-ups walking `e.__traceback__.tb_frame.f_back.f_globals` (e.g. "Python sandbox
# escape via exceptions", HackTricks "Bypass Python sandboxes"; n8n and Langflow code-node advisories 2025).
import pytest

GETATTR_TRACEBACK = """
try:
    1 / 0
except ZeroDivisionError as e:
    tb = getattr(e, "__" + "traceback__")
    print("REACHED", type(tb).__name__)
"""

GETATTR_CONTEXT = """
import json
try:
    try:
        json.loads("{")
    except ValueError:
        raise KeyError("k")
except KeyError as e:
    c = getattr(e, "__" + "context__")
    print("REACHED", getattr(c, "__" + "traceback__"))
"""

FORMAT_FIELD = """
try:
    1 / 0
except ZeroDivisionError as e:
    print("REACHED", "{0.__traceback__.tb_frame.f_globals}".format(e))
"""

MATCH_KEYWORD = """
try:
    1 / 0
except ZeroDivisionError as e:
    match e:
        case ZeroDivisionError(__traceback__=tb):
            print("REACHED", tb)
"""

LIBRARY_ERROR_ARGS = """
import json, re
for f in (lambda: json.loads("[1,"), lambda: re.compile("("), lambda: int("x"), lambda: {}.pop(1)):
    try:
        f()
    except Exception as e:
        for a in e.args:
            if type(a).__name__ in ("frame", "traceback", "code", "module"):
                print("REACHED", a)
        print(type(e).__name__, "ok")
"""

PAYLOADS = {"getattr-traceback": GETATTR_TRACEBACK, "getattr-context": GETATTR_CONTEXT,
            "format-field": FORMAT_FIELD, "match-keyword": MATCH_KEYWORD}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_tracebacks_are_never_handed_out(guest, name):
    r = guest.run(PAYLOADS[name])
    guest.contained(r, {"violation", "error"}, forbidden=["REACHED"])


def test_library_errors_carry_no_interpreter_objects(guest):
    r = guest.run(LIBRARY_ERROR_ARGS)
    guest.contained(r, {"ok"}, forbidden=["REACHED"])
    assert r.stdout.count(" ok\n") == 4, r
