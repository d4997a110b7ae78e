from datetime import date
import sys
for line in sys.stdin:
    a, b = line.split()
    d1, d2 = date.fromisoformat(a), date.fromisoformat(b)
    delta = abs((d2 - d1).days)
    print(a, b, delta, d1.strftime("%a"), d2.weekday(), delta // 7)
