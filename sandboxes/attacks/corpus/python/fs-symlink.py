# attack: fs-symlink
# category: filesystem
# tries: read the canary through a symlink planted beside it
# source: CWE-59 (Improper Link Resolution Before File Access, 'Link Following')
# verdict: status in {violation, error, compile_error} and canary not in output
import os
print(os.readlink("{{CANARY_LINK}}"), open("{{CANARY_LINK}}").read())
