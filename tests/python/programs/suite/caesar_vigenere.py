import string
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
def vigenere(s, key, sign=1):
    ks = [ord(c) - 97 for c in key.lower()]
    res, i = [], 0
    for ch in s:
        if ch.isalpha():
            res.append(caesar(ch, sign * ks[i % len(ks)]))
            i += 1
        else:
            res.append(ch)
    return "".join(res)
msg = input()
enc = caesar(msg, 3)
print(enc, caesar(enc, -3) == msg)
v = vigenere(msg, "lemon")
print(v, vigenere(v, "lemon", -1))
table = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[13:] + string.ascii_lowercase[:13])
print(msg.lower().translate(table))
