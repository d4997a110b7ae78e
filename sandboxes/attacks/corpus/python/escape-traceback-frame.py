# attack: escape-traceback-frame
# category: interpreter-escape
# tries: reach the host frames through __traceback__.tb_frame
# source: pyjail write-ups (e.__traceback__.tb_frame.f_back.f_globals); RestrictedPython frame-attribute advisories
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
try:
    1 / 0
except Exception as e:
    print("REA" + "CHED", e.__traceback__.tb_frame.f_back.f_globals)
