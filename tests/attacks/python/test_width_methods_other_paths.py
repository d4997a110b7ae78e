# Attack: the padding methods (`ljust`, `rjust`, `center`, `zfill`, `expandtabs`) allocate their width
# in C, so their width is checked; the check was chosen by the receiver's type (a `str`), and other paths
# to the same C methods were unchecked: `collections.UserString.center` (it calls `self.data.center`),
# `super(S, s).ljust`, an alias forwarding to `str` (`typing.Annotated[str, 0].rjust`), a width that is
# not exactly an int (an `int` subclass, an object's `__index__`). 10**10 characters in one C call:
# in-process, gigabytes before any memory check can run.
# Published: sandboxes own red team against the issue-12 mechanisms ("decide by what the method is");
# the memory-bomb family of sandbox escapes (RestrictedPython's size guards; pyjail DoS write-ups).
import pytest

# Over the default max_sequence_items (10**7) and small enough that the previous code, which let it
# through, allocated it without harm to the test machine (50 MB).
W_BIG = "5 * 10 ** 7"

PAYLOADS = {
    "user-string": "import collections\nprint('REACHED', len(collections.UserString('x').center(" + W_BIG + ")))",
    "super": "class S(str):\n    pass\nprint('REACHED', len(super(S, S('x')).ljust(" + W_BIG + ")))",
    "alias-unbound": "import typing\nprint('REACHED', len(typing.Annotated[str, 0].rjust('x', " + W_BIG + ")))",
    "index": "class W:\n    def __index__(self):\n        return " + W_BIG + "\nprint('REACHED', len('x'.zfill(W())))",
    "int-subclass": "class I(int):\n    pass\nprint('REACHED', len(b'x'.center(I(" + W_BIG + "))))",
    "subclass-unbound": "class S(str):\n    pass\nprint('REACHED', len(S.center('y', " + W_BIG + ")))",
    "user-string-unbound": "import collections\n"
                           "u = collections.UserString('x')\n"
                           "print('REACHED', len(collections.UserString.ljust(u, " + W_BIG + ")))",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_every_path_to_a_padding_method_checks_its_width(guest, name):
    r = guest.run(PAYLOADS[name], wall=30)
    guest.contained(r, {"memory_limit", "error", "violation"}, forbidden=["REACHED"])


def test_padding_methods_still_pad(guest):
    code = ("import collections\n"
            "print('x'.center(5, '*'), str.ljust('ab', 4, '-'), collections.UserString('u').rjust(3),"
            " b'q'.center(3), 'a\\tb'.expandtabs(4), '7'.zfill(True + 2))")
    r = guest.run(code)
    assert (str(r.status), r.stdout) == ("ok", "**x** ab--   u b' q ' a   b 007\n"), r
