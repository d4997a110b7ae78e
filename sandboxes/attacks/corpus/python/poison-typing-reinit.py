# attack: poison-typing-reinit
# category: cross-run-poisoning
# tries: re-run __init__ of typing's shared special form (typing.Optional) so every later run calls the program's function
# source: sandboxes own red team against the issue-12 mechanisms (constructor re-run on a shared singleton)
# verdict: status in {violation, error} and output lacks "REACHED"
import typing
typing.Optional.__init__(lambda self, p: "POISONED")
print("REA" + "CHED", typing.Optional[int])
