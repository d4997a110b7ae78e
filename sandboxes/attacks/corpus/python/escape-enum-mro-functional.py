# attack: escape-enum-mro-functional
# category: interpreter-escape
# tries: take the real enum.Enum from an own enum's MRO and use its functional API, which builds a class from any mapping (a __getattr__ hook)
# source: issue 12 of this project (round-2 red team, class creation); Python docs, enum functional API
# verdict: status in {violation, error} and output lacks "HOOKED"
import enum
class C(enum.Enum):
    A = 1
E = C.__mro__[-2]
N = E("N", {"__getattr__": lambda self, name: "HOO" + "KED " + name, "B": 2})
print(N.B.anything)
