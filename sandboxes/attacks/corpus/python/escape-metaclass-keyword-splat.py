# attack: escape-metaclass-keyword-splat
# category: interpreter-escape
# tries: a metaclass keyword spelled as **{...}, past a syntax check of metaclass=: the function gets the raw class namespace
# source: issue 12 of this project (round-2 red team, class creation); pyjail write-ups on metaclass gadgets
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
def grab(name, bases, ns):
    print("REA" + "CHED", sorted(ns))
    return ns
class A(**{"metaclass": grab}):
    x = 1
