# attack: poison-typing-alias-register
# category: cross-run-poisoning
# tries: typing.Sequence.register(dict) through the alias changes the shared collections.abc registry
# source: sandboxes issue 12 round-2 red team (typing aliases forward attributes to their origin)
# verdict: status in {violation, error} and output lacks "REACHED"
import typing, collections.abc
typing.Sequence.register(dict)
print("REA" + "CHED", isinstance({}, collections.abc.Sequence))
