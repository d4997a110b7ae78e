# attack: escape-metaclass-hash
# category: interpreter-escape
# tries: make a library class look like the program's own with a metaclass that hashes and compares like it
# source: pyjail write-ups on abusing __eq__/__hash__ of metaclasses; guarded-membership confusion
# verdict: status in {violation, error, compile_error} and output lacks "POISONED" and a follow-up run is clean
import textwrap
TW = textwrap.TextWrapper
M = type("M", (type,), {"__hash__": lambda c: hash(TW), "__eq__": lambda a, b: True})
G = M("G", (), {})
TW.width = "POI" + "SONED"
print(TW.width)
