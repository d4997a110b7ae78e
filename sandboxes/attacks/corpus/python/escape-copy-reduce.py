# attack: escape-copy-reduce
# category: interpreter-escape
# tries: make copy.copy call setattr on a library class through __reduce_ex__
# source: pyjail write-ups ('__reduce__ via copy'); RestrictedPython issues on the copy protocol
# verdict: status in {violation, error, compile_error} and output lacks "POISONED" and a follow-up run is clean
import copy, fractions
def get():
    return fractions.Fraction
R = type("R", (), {"__reduce_ex__": lambda self, proto: (get, (), (None, {"limit_denominator": "POI" + "SONED"}))})
copy.copy(R())
print(fractions.Fraction.limit_denominator)
