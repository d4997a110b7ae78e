import re

def is_palindrome(s: str) -> bool:
    cleaned = re.sub(r"[^a-z0-9]", "", s.lower())
    return cleaned == cleaned[::-1]

tests = [
    "A man, a plan, a canal: Panama",
    "race a car",
    " ",
    "No 'x' in Nixon",
]
for t in tests:
    print(f"{t!r:35} -> {is_palindrome(t)}")
