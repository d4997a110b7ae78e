# attack: escape-match-dunder
# category: interpreter-escape
# tries: read dunder attributes with a match class pattern (no '.' in the code)
# source: pyjail cheatsheet (shirajuki, 2023); DiceCTF 2023 pyjail solutions
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
def f():
    pass
match f:
    case object(__globals__=g):
        print("REA" + "CHED", g)
