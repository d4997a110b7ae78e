# attack: escape-typing-forward-ref
# category: interpreter-escape
# tries: make typing evaluate an annotation string with the real compiler (get_type_hints, ForwardRef)
# source: pyjail write-ups on typing.get_type_hints / ForwardRef evaluating annotation strings; smolagents CVE-2025-5120 family
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import typing
def f(x: "().__class__.__base__.__subclasses__()"):
    pass
print("REA" + "CHED", typing.get_type_hints(f))
