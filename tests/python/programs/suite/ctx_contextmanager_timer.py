import contextlib
import time

@contextlib.contextmanager
def section(name, log):
    log.append(f"enter {name}")
    start = time.perf_counter()
    try:
        yield name.upper()
    except ValueError as e:
        log.append(f"handled {e}")
    finally:
        elapsed = time.perf_counter() - start
        log.append(f"exit {name} {elapsed >= 0}")

log = []
with section("load", log) as tag:
    log.append(tag)
with section("parse", log):
    raise ValueError("bad token")
print("\n".join(log))
with contextlib.suppress(ZeroDivisionError, KeyError):
    print(1 / 0)
print("after suppress")
