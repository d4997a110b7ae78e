# attack: poison-super-type-unbound-init
# category: cross-run-poisoning
# tries: super(G, G) on a program subclass of json.JSONEncoder returns the library's raw __init__ (no instance check); calling it on JSONEncoder itself replaces the shared class's default method and item_separator
# source: Python data model, "Invoking Descriptors" (super(B, cls).m is the unbound function); unbound-__init__-on-a-foreign-object bypass of RestrictedPython-style write guards; CWE-471
# verdict: status in {violation, error, compile_error} and output lacks "POISONED" and a follow-up run is clean
import json
class G(json.JSONEncoder):
    pass
super(G, G).__init__(json.JSONEncoder, default=lambda *a: "POI" + "SONED", separators=("X", "Y"))
print(json.dumps({"a": {1, 2}}))
