def process(items):
    errors = []
    for it in items:
        try:
            if it < 0:
                raise ValueError(f"negative {it}")
            if it == 0:
                raise ZeroDivisionError("zero")
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("batch failed", errors)
try:
    process([1, -2, 0, -5])
except ExceptionGroup as eg:
    values, others = eg.split(ValueError)
    print("values:", [str(e) for e in values.exceptions])
    print("zeros:", len(others.exceptions), eg.message, len(eg.exceptions))
eg = ExceptionGroup("g", [KeyError("k"), TypeError("t")])
match_, rest = eg.split(KeyError)
print(repr(match_.exceptions[0]), [type(e).__name__ for e in rest.exceptions])
