# attack: fs-stdlib-helper-reads-file
# category: filesystem
# tries: read a file through allowed modules whose helpers open files (linecache via traceback, json.load of a file object)
# source: DESIGN.md 'many stdlib helpers open files several layers down'; HackTricks 'Bypass Python sandboxes' (linecache.getlines)
# verdict: status in {violation, error, compile_error} and canary not in output
import json
print(json.load(open("{{CANARY_FILE}}")))
import linecache
print(linecache.getlines("{{CANARY_FILE}}"))
