import re
text = """2024-01-15 ERROR [db] Connection lost (code=1045)
2024-01-15 INFO  [web] GET /index.html 200 0.023s
2024-01-16 WARN  [db] Slow query: 2.5s
2024-01-16 ERROR [auth] Invalid token for user=alice@example.com"""
pat = re.compile(r"^(?P<date>\d{4}-\d\d-\d\d)\s+(?P<lvl>[A-Z]+)\s+\[(?P<mod>\w+)\]\s+(?P<msg>.*)$", re.M)
for m in pat.finditer(text):
    print(m.group("date"), m["lvl"], m.groupdict()["mod"], m.span("msg"), len(m.group(0)))
print(re.findall(r"(\w+)=(\S+?)\)?$", text, re.M))
print(re.sub(r"\d+(\.\d+)?s\b", lambda m: f"<{float(m.group(0)[:-1]) * 1000:.0f}ms>", text))
print(re.split(r"[\s,;]+", "a, b;c  d,,e"), re.split(r"(\d)", "a1b2c"), re.split(r"x*", "axbc"))
print(re.sub(r"(?i)error", "E", text).count("E "), re.subn(r"\s+", " ", "a   b \n c"))
print(re.fullmatch(r"[\w.]+@[\w.]+\.\w+", "alice@example.com") is not None, re.match(r"\d+", "abc"))
m = re.search(r"(a)(b)?(c)", "ac")
print(m.groups(), m.groups("-"), m.lastindex, m.group(0, 1, 3), m)
print(re.escape("a.b*c?"), re.sub(r"(\w)(\w*)", r"\2\1ay", "hello world"), re.sub(r"(?P<x>\d)", r"[\g<x>]", "a1b22"))
v = re.compile(r"""
    (\d{3})  # area
    [-.\s]?
    (\d{4})  # number
""", re.X)
print(v.findall("call 555-1234 or 666 9876 now"), v.pattern.count("\n"), v.flags & re.X != 0)
print(re.findall(r"\b\w+\b", "héllo wörld ünïcode"), re.findall(r"[^\x00-\x7f]", "naïve café"), re.findall(r"(?<=\$)\d+", "$10 and $200"))
