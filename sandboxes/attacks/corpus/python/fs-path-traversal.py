# attack: fs-path-traversal
# category: filesystem
# tries: read the canary through a ../../.. relative path from the working directory
# source: CWE-22 (Path Traversal); OWASP 'Path Traversal'
# verdict: status in {violation, error, compile_error} and canary not in output
print(open("{{CANARY_REL}}").read())
