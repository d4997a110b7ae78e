# attack: escape-match-private
# category: interpreter-escape
# tries: read a private attribute of a host object (the run state behind sys.stdout) with a match keyword pattern
# source: RestrictedPython match-statement discussions (zopefoundation/RestrictedPython#237); pyjail write-ups using 'case object(attr=x)' as a getattr gadget
# verdict: status in {ok, violation, error, compile_error} and output lacks "REACHED"
import sys
for target in (sys.stdout, sys.stdout.write, print):
    match target:
        case object(_sb_state=st):
            print("REA" + "CHED", type(st).__name__)
        case object(_sb_members=m):
            print("REA" + "CHED", type(m).__name__)
        case _:
            print("no match")
