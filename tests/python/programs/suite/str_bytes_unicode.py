s = "Grüße, 世界! 🎉"
b = s.encode("utf-8")
print(len(s), len(b), b[:8], b.decode("utf-8") == s)
print(s.encode("ascii", errors="replace"), s.encode("ascii", "ignore").decode())
print([hex(ord(c)) for c in "é世🎉"], "\u00e9" == "é", "\N{GREEK SMALL LETTER ALPHA}")
import unicodedata
print(unicodedata.name("é"), unicodedata.normalize("NFD", "é").encode(), unicodedata.category("A"))
print("straße".upper(), "ǅ".lower(), "ﬁ".casefold(), "İ".lower().encode())
print(bytes([72, 105]), bytearray(b"abc").upper(), b"a,b".split(b","), bytes.fromhex("ff00").hex(":"))
