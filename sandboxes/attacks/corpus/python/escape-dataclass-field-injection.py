# attack: escape-dataclass-field-injection
# category: interpreter-escape
# tries: inject code into the source dataclasses generates from field names
# source: CPython gh-90705 (field name validation in generated code); pyjail write-ups on type() with a crafted namespace
# verdict: status in {violation, error, compile_error} and canary not in output
import dataclasses
name = "a={}[environ['{{CANARY_ENV}}']],*z"
C = type("C", (), {"__annotations__": {name: int}, "__module__": "os"})
print(dataclasses.dataclass(C))
