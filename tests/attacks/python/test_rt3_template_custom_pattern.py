# Attack: `string.Template` is in the string facade; a subclass may choose its own `idpattern`, `delimiter`,
# `braceidpattern` and `pattern`. A sandbox that let substitution resolve dotted names the way str.format
# fields do would walk attributes of the mapping's values (`$x.__class__`, `${y.__globals__}`).
# Published: Python format-string attribute-walk advisories (Armin Ronacher "Be careful with Python's new-style
# string format", 2016) and their Template variants in SSTI/pyjail write-ups.

DOTTED_IDPATTERN = """
import string, json
class T(string.Template):
    idpattern = r"(?a:[_a-z][_a-z0-9.]*)"
out = T("$j.__init__ ${j.dumps.__globals__}").safe_substitute({"j": json})
print(out)
if "<module" in out or "<function" in out or "{'" in out:
    print("REACHED")
"""

CUSTOM_PATTERN = """
import string
class U(string.Template):
    delimiter = "{"
    pattern = r"\\{(?P<named>[^}]*)\\}|(?P<escaped>\\{\\{)|(?P<braced>)(?P<invalid>)"
class Holder:
    secret = "s3cr3t"
out = U("{h.secret} {h.__class__}").safe_substitute({"h": Holder()})
print(out)
if "s3cr3t" in out or "<class" in out:
    print("REACHED")
"""


def test_template_substitution_does_not_walk_attributes(guest):
    for code in (DOTTED_IDPATTERN, CUSTOM_PATTERN):
        r = guest.run(code)
        guest.contained(r, {"ok", "error", "violation"}, forbidden=["REACHED"])


def test_template_matches_native(guest):
    r = guest.run("import string\nclass T(string.Template):\n    delimiter = '%'\n"
                  "print(T('%who likes %what').substitute(who='tim', what='kung pao'))")
    assert (str(r.status), r.stdout) == ("ok", "tim likes kung pao\n"), r
