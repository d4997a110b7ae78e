from contextlib import ExitStack, nullcontext, closing, contextmanager

class Resource:
    opened = []
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        Resource.opened.append(self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        Resource.opened.remove(self.name)
        print("closing", self.name, exc_type.__name__ if exc_type else None)
        return False
    def close(self):
        print("close() on", self.name)

with ExitStack() as stack:
    rs = [stack.enter_context(Resource(n)) for n in "abc"]
    stack.callback(print, "callback ran")
    print("open:", Resource.opened)
print("after:", Resource.opened)
try:
    with ExitStack() as stack:
        stack.enter_context(Resource("x"))
        stack.push(lambda et, ev, tb: print("push saw", et.__name__) or False)
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with nullcontext("value") as v:
    print(v)
with closing(Resource("c")) as r:
    print("using", r.name)
@contextmanager
def tag(name):
    print(f"<{name}>"); yield; print(f"</{name}>")
with tag("a"), tag("b"):
    print("body")
