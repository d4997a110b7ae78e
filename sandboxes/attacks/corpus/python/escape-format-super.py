# attack: escape-format-super
# category: interpreter-escape
# tries: super(S, s).format hands out the raw str.format (the receiver is a super object, not a str)
# source: sandboxes issue 12 round-2 red team; RestrictedPython CVE-2023-41039 family (str.format fields in C)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
class S(str):
    pass
s = S("{0.__class__.__base__.__subclasses__}")
print("REA" + "CHED", super(S, s).format(1)[:60])
