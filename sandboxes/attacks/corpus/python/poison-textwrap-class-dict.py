# attack: poison-textwrap-class-dict
# category: cross-run-poisoning
# tries: TextWrapper's class-level dict read through an instance (and an alias) is the raw shared dict
# source: sandboxes issue 12 round-2 red team (TextWrapper.unicode_whitespace_trans through an alias)
# verdict: status in {violation, error} and output lacks "REACHED"
import textwrap, typing
d = textwrap.TextWrapper().unicode_whitespace_trans
e = typing.Annotated[textwrap.TextWrapper, 0].unicode_whitespace_trans
d[32] = "X"
e[32] = "X"
print("REA" + "CHED", textwrap.wrap("a b", 1))
