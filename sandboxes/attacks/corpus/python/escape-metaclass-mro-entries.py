# attack: escape-metaclass-mro-entries
# category: interpreter-escape
# tries: get the real type and a metaclass through a class statement based on typing.Type (its __mro_entries__ is type), then build a class with a forbidden namespace
# source: PEP 560 (__mro_entries__ picks the real bases of a class statement); pyjail write-ups on recovering 'type' in restricted namespaces
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import enum, typing
class M(typing.Type):
    pass
T = M.__mro__[1]
X = M("X", (), {"__getattribute__": lambda s, n: "attr " + n})
print("REA" + "CHED", T(enum.Enum), X().anything)
