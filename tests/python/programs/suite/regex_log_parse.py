import re, sys
from collections import Counter
pat = re.compile(r'(?P<ip>\d+\.\d+\.\d+\.\d+) - - \[(?P<ts>[^\]]+)\] "(?P<method>GET|POST) (?P<path>\S+)" (?P<status>\d{3})')
status = Counter()
paths = Counter()
for line in sys.stdin:
    m = pat.match(line)
    if not m:
        print("unparsed:", line.strip())
        continue
    status[m["status"]] += 1
    paths[m.group("path")] += 1
print(sorted(status.items()), paths.most_common(1))
print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "mail bob@example.com or al@test.com"))
print(re.findall(r"\b\w{5,}\b", "short words and lengthier vocabulary here"))
print(re.split(r"[;,\s]+", "a, b;c  d"), bool(re.fullmatch(r"[A-Z]\d{3}", "X123")))
