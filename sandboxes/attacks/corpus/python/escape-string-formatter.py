# attack: escape-string-formatter
# category: interpreter-escape
# tries: resolve attribute chains with string.Formatter().get_field
# source: RestrictedPython CVE-2023-41039 (GHSA-xjw2-6jm9-rf67, arbitrary code execution via string.Formatter)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import string
print("REA" + "CHED", string.Formatter().get_field("0.__globals__", [getattr], {}))
