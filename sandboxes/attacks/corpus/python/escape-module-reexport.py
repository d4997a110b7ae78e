# attack: escape-module-reexport
# category: interpreter-escape
# tries: reach os through modules that import it (typing.sys, dataclasses.inspect, random._os)
# source: HackTricks 'Bypass Python sandboxes' (modules re-exporting os/sys); DESIGN.md module facades
# verdict: status in {violation, error, compile_error} and canary not in output
import typing, dataclasses, random
print(typing.sys.modules["os"].environ["{{CANARY_ENV}}"])
print(dataclasses.inspect)
