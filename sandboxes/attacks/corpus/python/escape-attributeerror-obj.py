# attack: escape-attributeerror-obj
# category: interpreter-escape
# tries: read AttributeError.obj to get an object the guards never hand out
# source: RestrictedPython advisory on AttributeError.obj (CHANGES 'AttributeError.obj leaks the object')
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import sys
try:
    sys.nope
except AttributeError as e:
    print("REA" + "CHED", type(e.obj).__name__, e.obj)
