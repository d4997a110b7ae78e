# attack: poison-module-attribute
# category: cross-run-poisoning
# tries: replace a function of a shared module so the next run sees it
# source: CWE-471 (Modification of Assumed-Immutable Data); DESIGN.md 'every run starts from clean state'
# verdict: status in {ok, violation, error, compile_error} and a follow-up run is clean
import json, math
json.dumps = lambda *a, **k: "POISONED"
math.pi = 3
