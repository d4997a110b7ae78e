class ConfigError(Exception):
    pass

def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise ConfigError(f"bad value {s!r}") from e

def load(items):
    out = []
    for it in items:
        try:
            out.append(parse(it))
        except ConfigError as e:
            print("skip:", e, "| cause:", type(e.__cause__).__name__)
    return out

print(load(["1", "x", "3"]))
try:
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("lookup failed")
except RuntimeError as e:
    print(repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("base")
except ValueError as e:
    e.add_note("while testing notes")
    print(e.__notes__)
try:
    try:
        1 / 0
    finally:
        print("finally runs")
except ZeroDivisionError as e:
    print("caught", e)
else:
    print("no")
def g():
    try:
        return "try"
    finally:
        print("cleanup")
print(g())
