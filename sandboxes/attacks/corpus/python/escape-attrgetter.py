# attack: escape-attrgetter
# category: interpreter-escape
# tries: read __globals__ of a library function with operator.attrgetter (reads attributes by name in C, past the guards)
# source: smolagents CVE-2025-9959 (dunder access via imported modules: operator.attrgetter); pyjail write-ups ("operator.attrgetter('__globals__')(f)")
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import operator, json
g = operator.attrgetter("__glo" + "bals__")(json.dumps)
print("REA" + "CHED", sorted(g)[:3])
