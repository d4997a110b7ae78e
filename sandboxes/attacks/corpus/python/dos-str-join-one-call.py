# attack: dos-str-join-one-call
# category: resource-exhaustion
# tries: one str.join / bytes.join of many big items (2-4 GB): CPython sizes, allocates and fills the result in one C call with no tick, so the host's memory went past memory_mb before any sample saw it
# source: own reading of guards.py (red team round 5, reports/redteam-python-round5.md)
# verdict: status in {memory_limit, violation} and output lacks "REACHED" and returns within 6 s
# timeout_s: 2
s = "a" * 10**4
t = str.join("", iter([s] * 2 * 10**5))
print("REACHED", len(t))
b = b"a" * 10**4
print("REACHED", len(getattr(b"", "join")([b] * 2 * 10**5)))
