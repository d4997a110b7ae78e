# attack: poison-typing-cache
# category: cross-run-poisoning
# tries: plant an object with a colliding hash and a C-level __eq__ in typing's and re's process-wide caches, so later runs get it
# source: sandboxes round-3 red team (F14, and re's pattern cache)
# verdict: status in {ok, violation, error} and a follow-up run is clean
import typing, fractions, functools, operator, re
G = type("G", (), {"__init__": lambda self, t: setattr(self, "t", t), "__call__": lambda self: None,
                   "__hash__": lambda self: hash(self.t), "__eq__": functools.partial(operator.truth)})
for i in range(200):
    typing.Optional[type("C%d" % i, (), {})]
typing.Optional[G(fractions.Fraction)]
F = type("F", (int,), {"__hash__": lambda self: 0, "__eq__": functools.partial(operator.truth)})
re.compile("abc", F(2))
