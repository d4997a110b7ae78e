# attack: fs-read-canary-io
# category: filesystem
# tries: read the planted canary file through io.open and pathlib
# source: MITRE ATT&CK T1005 (Data from Local System); HackTricks 'Bypass Python sandboxes' (reading files)
# verdict: status in {violation, error, compile_error} and canary not in output
try:
    import io
    print(io.open("{{CANARY_FILE}}").read())
except ImportError:
    import pathlib
    print(pathlib.Path("{{CANARY_FILE}}").read_text())
