# attack: fs-read-etc-passwd
# category: filesystem
# tries: read /etc/passwd with open(), io.open and pathlib
# source: MITRE ATT&CK T1552.001 (Unsecured Credentials: Credentials In Files); CWE-552
# verdict: status in {violation, error, compile_error} and output lacks "root:x:0:0"
print(open("/etc/passwd").read())
