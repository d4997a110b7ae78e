# attack: escape-import-str-subclass
# category: interpreter-escape
# tries: pass __import__ a str subclass that hashes like an allowed module and equals anything, to import builtins
# source: hash/eq confusion of allowlist lookups (Jinja2 sandbox / RestrictedPython guarded_import discussions; pyjail write-ups overriding __eq__ to pass 'in' checks)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED" and a follow-up run is clean
class S(str):
    def __eq__(self, other):
        return True
    def __hash__(self):
        return hash("re")
b = __import__(S("builtins"))
print("REA" + "CHED", b, b.compile)
