# attack: escape-generator-frame
# category: interpreter-escape
# tries: reach the host frames through a generator's gi_frame.f_back.f_globals
# source: RestrictedPython CVE-2023-37271 (GHSA-wqc8-x2pr-7jqh, stack frame sandbox escape)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
g = (x for x in [1])
print("REA" + "CHED", g.gi_frame.f_back.f_globals)
