# attack: escape-match-args-positional
# category: interpreter-escape
# tries: read a traceback through a class pattern's positional sub-pattern (__match_args__ names it; MATCH_CLASS reads it in C)
# source: sandboxes issue 12 round-2 red team; pyjail cheatsheet (shirajuki, 2023) match-statement gadgets
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
class E(Exception):
    __match_args__ = ("__traceback__",)
try:
    raise E()
except E as e:
    match e:
        case E(tb):
            print("REA" + "CHED", type(tb).__name__)
