import io
import contextlib
import sys

def noisy(n):
    for i in range(n):
        print("line", i)
    sys.stdout.write("raw write\n")
    return n * 2

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    result = noisy(3)
captured = buf.getvalue()
print("result", result)
print("captured", repr(captured))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print("stderr had", repr(err.getvalue()))
out = io.StringIO()
print("a", "b", sep="-", end="!", file=out)
out.write("\nmore")
print(repr(out.getvalue()), out.tell())
