# Attack: string.Formatter().get_field() / vformat() resolve attribute chains in Python without the
# sandbox's guards ("{0.__globals__}" through a Formatter subclass, or get_field called directly).
# Published: RestrictedPython CVE-2023-41039 (GHSA-xjw2-6jm9-rf67, "Arbitrary code execution via
# string.Formatter"); pyjail write-ups using string.Formatter().get_field.
import pytest

PAYLOADS = [
    "import string\nprint('REACHED', string.Formatter().get_field('0.__globals__', [getattr], {}))",
    "import string\nclass F(string.Formatter):\n    pass\nprint('REACHED', F().format('{0.__globals__}', getattr))",
    "from string import Formatter\nprint('REACHED', Formatter)",
    "import string\nprint('REACHED', getattr(string, 'Formatter'))",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_string_formatter_is_not_available(guest, code):
    r = guest.run(code)
    guest.contained(r, {"error", "violation"}, forbidden=["REACHED"])
    assert "Formatter" in r.stderr  # the refusal names what was missing
