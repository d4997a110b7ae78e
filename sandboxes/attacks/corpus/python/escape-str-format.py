# attack: escape-str-format
# category: interpreter-escape
# tries: resolve dunder attributes in C through str.format fields
# source: RestrictedPython CVE-2023-41039 family; pyjail write-ups ('{0.__globals__}'.format(f))
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
def f():
    pass
print("REA" + "CHED", "{0.__globals__}".format(f))
