"""Issue 16: the valid-idiom suite of issue 13 (``tests/python/programs/suite``) through the wasm engine.

Every program runs natively (this interpreter, ``-I``, a subprocess) and in the wasm engine with the
same stdin; stdout and exit status must be the same. The engine's CPython is 3.15 and the native one may
be older: the only differences allowed are CPython's own changes between versions, listed in
``VERSION_CHANGES`` (program -> (text of the older CPython, text of 3.12+)), and each is checked both
ways (the native output has the old text where the host is older, the wasm output the new one).
"""
from __future__ import annotations

import re

import pytest

from tests.python.native import native, native_version, suite_program, suite_programs

PROGRAMS = suite_programs()

VERSION_CHANGES = {
    # 3.12: "Can't instantiate abstract class X with abstract methods a, b" became
    # "... without an implementation for abstract methods 'a', 'b'"
    "abc_shapes": [("with abstract methods area, name", "without an implementation for abstract methods 'area', 'name'")],
    # 3.12: OrderedDict's repr is OrderedDict({...}) instead of OrderedDict([(k, v), ...])
    "collections_mix": [("OrderedDict([(", "OrderedDict({")],
    "conf_collections_heavy": [("OrderedDict([(", "OrderedDict({")],
    # 3.13: json's messages name the value out of range and a trailing comma
    "conf_json_edge": [("Out of range float values are not JSON compliant\n",
                        "Out of range float values are not JSON compliant: nan\n"),
                       ("Expecting property name enclosed in double quotes: line 1 column 9 (char 8) 8 1 9",
                        "Illegal trailing comma before end of object: line 1 column 8 (char 7) 7 1 8")],
    # 3.12: sum() of floats is compensated (Neumaier), as math.fsum: sum([0.1] * 10) == 1.0
    "conf_math_misc": [("1.0 0.9999999999999999 5.0", "1.0 1.0 5.0")],
}
ORDERED_DICT_REPR = {"collections_mix", "conf_collections_heavy"}


def test_the_suite_is_there():
    assert len(PROGRAMS) >= 150


@pytest.mark.parametrize("name", PROGRAMS)
def test_program_matches_cpython(wsb, name):
    code, stdin = suite_program(name)
    expected, err, rc = native(code, stdin)
    assert rc == 0, err
    r = wsb.run("python", code, stdin=stdin, timeout=20)
    assert str(r.status) == "ok", r.stderr[-2000:]
    if name in VERSION_CHANGES and native_version() < (3, 12):
        for old, new in VERSION_CHANGES[name]:
            assert old in expected and new in r.stdout, (old, new, expected, r.stdout)
            if name in ORDERED_DICT_REPR:  # OrderedDict([('a', 3), ...]) -> OrderedDict({'a': 3, ...})
                expected = re.sub(r"OrderedDict\(\[(.*?)\]\)", lambda m: "OrderedDict({" + re.sub(
                    r"\('([^']*)', ([^)]*)\)", r"'\1': \2", m.group(1)) + "})", expected)
            else:
                expected = expected.replace(old, new)
    assert r.stdout == expected
