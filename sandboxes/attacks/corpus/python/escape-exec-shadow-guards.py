# attack: escape-exec-shadow-guards
# category: interpreter-escape
# tries: exec() with a locals dict that rebinds the guard names the transformer emits
# source: RestrictedPython advisories on guard names rebound by the program (2024-2025)
# verdict: status in {violation, error, compile_error} and output lacks "POISONED" and a follow-up run is clean
import fractions
exec("fractions.Fraction.limit_denominator = 'POI' + 'SONED'", None, {"_sb_w": lambda o: o, "_write_": lambda o: o,
     "fractions": fractions})
print("STATE", fractions.Fraction.limit_denominator)
