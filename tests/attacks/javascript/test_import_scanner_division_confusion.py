# Tries: hide import()/require() from the host's static module scan by making its tokenizer take
# a division for a regular-expression literal (or the reverse): `a++ / import('fs') / 1` is a
# division to V8 but "regex /.../" to a scanner that decides on the previous punctuator alone
# (published: the regex-vs-division ambiguity of the lexical grammar, ECMA-262 "InputElementDiv /
# InputElementRegExp" goal symbols; Disney et al., "Sweeten your JavaScript" (DLS 2014) on the
# reader that resolves it; JS-jail CTF challenges that
# filter keywords textually).
# Whatever the scan says, nothing may load at run time.
import pytest

SAFE_IN_PROCESS = True  # no memory, CPU or builtin bomb: also checked with isolation: inprocess

HIDDEN = {
    "postfix_increment": "let a = 1;\n"
                         "a++ / import('fs').then(m => print('GOT', Object.keys(m)), e => print('refused')) / 1;",
    "postfix_decrement_require": "let a = 1, require = undefined;\n"
                                 "try { a-- / require('child_process') / 1 } catch (e) { console.log('refused') }",
}


@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_scanner_miss_still_loads_nothing(js, assert_clean, name):
    r = js(HIDDEN[name])
    if r.status == "violation":
        assert r.violations[0].kind == "import"
    else:
        assert r.status == "ok", r.stderr
        assert r.stdout == "refused\n"
    assert_clean()


def test_scanner_reports_import_after_postfix_operator(js):
    r = js(HIDDEN["postfix_increment"])
    assert r.status == "violation"
    assert "fs" in r.violations[0].detail and r.violations[0].line == 2
