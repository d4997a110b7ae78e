from typing import TypeVar, Generic, Optional, Dict, List, Protocol, Iterator, Callable, Union

T = TypeVar("T")

class Stack(Generic[T]):
    def __init__(self) -> None:
        self._items: List[T] = []
    def push(self, item: T) -> None:
        self._items.append(item)
    def pop(self) -> Optional[T]:
        return self._items.pop() if self._items else None
    def __iter__(self) -> Iterator[T]:
        return reversed(self._items)
    def __len__(self) -> int:
        return len(self._items)

class Shape(Protocol):
    def area(self) -> float: ...

class Sq:
    def __init__(self, s: float) -> None:
        self.s = s
    def area(self) -> float:
        return self.s ** 2

def total(shapes: List[Shape], f: Callable[[float], float] = lambda a: a) -> float:
    return sum(f(s.area()) for s in shapes)

st: Stack[int] = Stack()
for i in range(5):
    st.push(i * i)
print(list(st), st.pop(), len(st))
print(total([Sq(1), Sq(2.5)]))
def parse(x: Union[int, str]) -> Dict[str, int]:
    return {"v": int(x)}
print(parse("42"), parse(7))
