# attack: escape-format-userstring
# category: interpreter-escape
# tries: collections.UserString.format calls self.data.format inside the library, past the guards
# source: sandboxes red team (relatives of str.format); RestrictedPython CVE-2023-41039 family
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import collections
print("REA" + "CHED", collections.UserString("{0.__class__.__base__.__subclasses__}").format(1)[:60])
