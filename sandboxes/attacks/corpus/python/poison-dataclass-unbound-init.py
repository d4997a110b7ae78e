# attack: poison-dataclass-unbound-init
# category: cross-run-poisoning
# tries: call the program's own dataclass's generated __init__ unbound on a library class, so its unguarded 'self.x = x' replaces a shared method
# source: RestrictedPython's guarded-write model (writes are guarded only in restricted code; library code run on the sandbox's behalf is the classic bypass); CWE-471
# verdict: status in {violation, error, compile_error} and output lacks "POISONED" and a follow-up run is clean
import dataclasses, fractions
@dataclasses.dataclass
class P:
    limit_denominator: object
P.__init__(fractions.Fraction, "POI" + "SONED")
print(fractions.Fraction.limit_denominator)
