# attack: escape-match-class-toctou
# category: interpreter-escape
# tries: a property run inside MATCH_CLASS deletes the harmless shadow the guard pre-read, so the next name binds the raw str.format
# source: sandboxes round-3 red team (F1)
# verdict: status in {violation, error} and output lacks "REACHED"
import collections
class S(str):
    __match_args__ = ("trigger", "format")
    @property
    def trigger(self):
        del self.format
        return 1
s = S("REA" + "CHED {0.__globals__[_sys].modules[os].name}")
s.format = 1
match s:
    case S(_, f):
        print(f(collections.namedtuple))
