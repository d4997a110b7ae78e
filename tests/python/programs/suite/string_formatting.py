name, score, ratio = "Ada", 97, 0.8765
print(f"{name:<6}|{score:^7}|{ratio:>8.2%}|{score:08b}|{score:#x}|{1234567.891:,.2f}")
print("%-6s|%5d|%.3f|%e" % (name, score, ratio, 12345.678))
print("{0} {1} {0}".format("a", "b"), "{name} is {age}".format(name="Bo", age=3))
print("{:*^20}".format(" title "), "{!r:>10}".format("x"))
from string import Template, ascii_lowercase, capwords
print(Template("$who likes $what").substitute(who="tim", what="kung pao"))
print(capwords("hello  wide world"), ascii_lowercase[:5])
w = 12
print(f"{'centered':^{w}}|{3.14159:.{3}f}|{name!r}|{score=}")
table = [("apple", 3, 1.5), ("kiwi", 12, 0.25)]
for row in table:
    print("{:<8}{:>4}{:>8.2f}".format(*row))
print("tab\tsep".expandtabs(4), "x".zfill(4), "abc".center(7, "-"), "Title Case".swapcase())
