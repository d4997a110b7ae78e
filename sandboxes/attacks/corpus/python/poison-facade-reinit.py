# attack: poison-facade-reinit
# category: cross-run-poisoning
# tries: re-run __init__ of a shared module facade so that json.dumps is the program's function in every later run
# source: sandboxes own red team against the issue-12 mechanisms (constructor re-run on a shared singleton)
# verdict: status in {violation, error} and output lacks "REACHED"
import json
json.__init__("json", {"dumps": lambda *a, **k: "POISONED"})
print("REA" + "CHED", json.dumps(1))
