# attack: escape-try-star
# category: interpreter-escape
# tries: confuse handler types with try/except*
# source: RestrictedPython GHSA-8fm5-gg2f-f66q (try/except* type confusion, 2025)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
try:
    raise ExceptionGroup("g", [ValueError("v")])
except* ValueError as eg:
    print("REA" + "CHED", eg.exceptions)
