import textwrap
text = ("The quick brown fox jumps over the lazy dog. " * 4).strip()
print(textwrap.fill(text, width=30))
print(textwrap.shorten(text, width=40, placeholder=" [...]"))
print(textwrap.indent("a\nb\n", "> "), end="")
print(textwrap.dedent('''
    indented
      more
    back'''))
w = textwrap.TextWrapper(width=20, initial_indent="* ", subsequent_indent="  ")
print("\n".join(w.wrap(text[:60])))
