# attack: escape-match-protocol-frame
# category: interpreter-escape
# tries: a runtime_checkable Protocol matches a generator; __match_args__ on a base named Generic (skipped by typing) names gi_frame
# source: sandboxes issue 12 round-2 red team (runtime_checkable Protocol + __match_args__)
# verdict: status in {violation, error, compile_error} and output lacks "REACHED"
import typing
class Generic(typing.Protocol):
    __match_args__ = ("gi_frame",)
@typing.runtime_checkable
class G(Generic, typing.Protocol):
    def send(self): ...
def gen():
    yield 1
match gen():
    case G(frame):
        print("REA" + "CHED", type(frame).__name__)
