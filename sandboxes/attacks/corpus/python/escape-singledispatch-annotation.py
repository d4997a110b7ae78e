# attack: escape-singledispatch-annotation
# category: interpreter-escape
# tries: make singledispatch eval a string annotation with the real compiler
# source: smolagents CVE-2025-5120 / CVE-2025-9959 (escapes through stdlib functions that evaluate strings)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import functools
@functools.singledispatch
def f(x):
    return 0
def g(x: "().__class__.__base__.__subclasses__()"):
    return 1
f.register(g)
print("REA" + "CHED")
