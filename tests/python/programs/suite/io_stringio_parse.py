import io
data = io.StringIO("name,qty\nbolt,10\nnut,25\n\nscrew,7\n")
header = data.readline().strip().split(",")
rows = []
for line in data:
    line = line.strip()
    if line:
        rows.append(dict(zip(header, line.split(","))))
print(rows)
print(sum(int(r["qty"]) for r in rows))
b = io.BytesIO()
b.write(b"hello ")
b.write("wörld".encode())
b.seek(0)
print(b.read(5), b.read(), b.getvalue().decode())
s = io.StringIO()
s.write("abcdef")
s.seek(2)
s.write("XY")
print(s.getvalue(), s.tell())
s.truncate(3)
print(repr(s.getvalue()))
with io.StringIO("x\ny") as f:
    print(f.readlines())
print(f.closed)
