# attack: escape-exec-namespace-guards
# category: interpreter-escape
# tries: exec() runs in the program's dict, so a function it defines keeps that dict as its globals: plant an identity write guard there afterwards
# source: RestrictedPython advisories on guard names rebound by the program (2024-2025); Python docs, exec() and function globals
# verdict: status in {violation, error} and output lacks "POISONED" and a follow-up run is clean
import fractions
ns = {}
exec("def poke(o):\n    o.limit_denominator = 'POI' + 'SONED'", ns)
ns["_sb_w"] = lambda o: o
ns["_write_"] = lambda o: o
ns["poke"](fractions.Fraction)
print("STATE", fractions.Fraction.limit_denominator)
