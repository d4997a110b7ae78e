def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("cannot divide by zero")
        return None
    except TypeError as e:
        print("type error:", e)
        raise
    else:
        print("division ok")
        return result
    finally:
        print("done", a, b)

print(divide(6, 3))
print(divide(1, 0))
try:
    divide("x", 2)
except TypeError:
    print("re-raised")
def nested():
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            raise ValueError("outer") from e
    except ValueError as e:
        return f"{e} <- {e.__cause__!r}"
print(nested())
class Retry(Exception):
    pass
attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 3:
            raise Retry(attempts)
        break
    except Retry as r:
        print("retry", r.args[0])
print("attempts", attempts)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
