# attack: escape-match-value-eq
# category: interpreter-escape
# tries: a value pattern `case str.format` is a raw LOAD_ATTR; the subject's own __eq__ receives the unguarded method
# source: sandboxes issue 12 round-2 red team (lookups of match patterns); RestrictedPython issue #241
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
got = []
class E:
    def __eq__(self, other):
        got.append(other)
        return False
match E():
    case str.format:
        pass
print("REA" + "CHED", got[0]("{0.__class__.__base__.__subclasses__}", 1)[:60])
