# attack: escape-sys-modules
# category: interpreter-escape
# tries: fetch a denied module from sys.modules
# source: HackTricks 'Bypass Python sandboxes' (sys.modules)
# verdict: status in {violation, error, compile_error} and canary not in output
import sys
print(sys.modules["os"].environ["{{CANARY_ENV}}"])
