# attack: escape-format-typing-alias
# category: interpreter-escape
# tries: typing.Annotated[str, 0].format forwards to the raw str.format (aliases relay attributes to their origin)
# source: sandboxes issue 12 round-2 red team; CPython typing._BaseGenericAlias.__getattr__
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import typing
print("REA" + "CHED", typing.Annotated[str, 0].format("{0.__class__.__base__.__subclasses__}", 1)[:60])
