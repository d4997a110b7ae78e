# attack: dos-format-width
# category: resource-exhaustion
# tries: pad a string to a computed format width in one C call (f-string spec, '%*s'), past the width-method checks
# source: sandboxes round-3 red team (F7); Jinja2-sandbox format-width memory exhaustion reports
# verdict: status in {memory_limit, violation} and output lacks "BUILT" and returns within 6 s
w = 3 * 10 ** 7
x = f"{'a':>{w}}"
y = "%*s" % (w, "a")
print("BUI" + "LT", len(x), len(y))
