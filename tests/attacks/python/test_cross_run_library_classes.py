# Attack: poison a shared library class or object so the next run (maybe another user's) sees it:
# textwrap.TextWrapper.unicode_whitespace_trans (a dict on the class), json.JSONEncoder defaults,
# string.Template.delimiter, fractions.Fraction methods, statistics.NormalDist, re's pattern cache,
# enum classes, functools.WRAPPER_ASSIGNMENTS (a tuple, but its containing facade), collections defaults.
# Published: RestrictedPython issues on shared mutable state ("module attributes writable",
# zopefoundation/RestrictedPython#204 family); this project's brief (cross-run poisoning).
import pytest

PAYLOADS = [
    "import textwrap\ntextwrap.TextWrapper.unicode_whitespace_trans[32] = 'X'",
    "import textwrap\nt = textwrap.TextWrapper.unicode_whitespace_trans\nt.clear()",
    "import textwrap\ntextwrap.TextWrapper.unicode_whitespace_trans = {}",
    "import textwrap\nsetattr(textwrap.TextWrapper, 'width', 3)",
    "import json\njson.JSONEncoder.item_separator = '!!'",
    "import string\nstring.Template.delimiter = '#'",
    "import fractions\nfractions.Fraction.limit_denominator = None",
    "import fractions\ndel fractions.Fraction.limit_denominator",
    "import re\nre.RegexFlag.IGNORECASE = 0",
    "import statistics\nstatistics.NormalDist.cdf = None",
    "import functools\nfunctools.WRAPPER_ASSIGNMENTS += ('x',)",
    "import collections\ncollections.OrderedDict.popitem = None",
    "import dataclasses\ndataclasses.MISSING.x = 1",
    "import enum\nenum.Enum._missing_ = None",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_library_state_is_read_only(guest, code):
    r = guest.run(code + "\nprint('WROTE')")
    guest.contained(r, {"error", "violation"}, forbidden=["WROTE"])
    guest.assert_next_run_clean()
