# attack: escape-type-three-arg
# category: interpreter-escape
# tries: build a class from a namespace the class-body rules refuse with the 3-argument type(): a __getattribute__, a reserved guard name, a metaclass base
# source: pyjail write-ups ("type('x', (), {'__getitem__': ...})"); RestrictedPython's refusal of dunder definitions in class bodies
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
A = type("A", (), {"__getattribute__": lambda s, n: "attr " + n})
print("REA" + "CHED", A().anything)
M = type("M", (type,), {})
print("REA" + "CHED", M)
