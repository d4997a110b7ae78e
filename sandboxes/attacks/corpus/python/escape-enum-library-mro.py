# attack: escape-enum-library-mro
# category: interpreter-escape
# tries: a library enum's mro() (a public method) lists the real enum.Enum, whose functional API builds a class from any mapping (a __getattr__ hook)
# source: this project's round-2 red team (issue 12, class creation); Python docs, type.mro() and the enum functional API
# verdict: status in {violation, error} and output lacks "HOOKED"
import re
for E in re.RegexFlag.mro():
    if getattr(E, "__name__", "") == "Enum":
        N = E("N", {"__getattr__": lambda self, name: "HOO" + "KED " + name, "B": 2})
        print(N.B.anything)
