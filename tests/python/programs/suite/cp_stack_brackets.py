PAIRS = {")": "(", "]": "[", "}": "{"}
def balanced(s):
    st = []
    for i, ch in enumerate(s):
        if ch in "([{":
            st.append((ch, i))
        elif ch in PAIRS:
            if not st or st[-1][0] != PAIRS[ch]:
                return f"mismatch at {i}"
            st.pop()
    return "ok" if not st else f"unclosed at {st[-1][1]}"
import sys
for line in sys.stdin.read().splitlines():
    print(f"{line!r}: {balanced(line)}")
