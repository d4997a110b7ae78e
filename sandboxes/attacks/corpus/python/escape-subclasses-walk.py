# attack: escape-subclasses-walk
# category: interpreter-escape
# tries: walk ().__class__.__base__.__subclasses__() to a class whose globals hold os
# source: HackTricks 'Bypass Python sandboxes'; pwn.college sandboxing module (pyjail classic)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
print("REA" + "CHED", len(().__class__.__base__.__subclasses__()))
