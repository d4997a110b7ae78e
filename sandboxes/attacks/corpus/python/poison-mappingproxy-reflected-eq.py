# attack: poison-mappingproxy-reflected-eq
# category: cross-run-poisoning
# tries: a read-only mappingproxy view of a library class's dict hands the dict itself to a reflected __eq__
# source: CPython bpo-43838 (mappingproxy leaks its mapping through rich comparison)
# verdict: status in {ok, violation, error} and output lacks "REACHED"
import textwrap
got = []
class E:
    __hash__ = None
    def __eq__(self, other):
        got.append(other)
        return NotImplemented
textwrap.TextWrapper.unicode_whitespace_trans == E()
for g in got:
    try:
        g[9] = "X"
    except TypeError:
        pass
if textwrap.TextWrapper.unicode_whitespace_trans[9] == "X":
    print("REA" + "CHED the shared table")
