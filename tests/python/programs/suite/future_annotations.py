from __future__ import annotations
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

@dataclass
class Node:
    value: int
    children: list[Node]

    def total(self) -> int:
        return self.value + sum(c.total() for c in self.children)

def first(xs: Sequence[int]) -> int | None:
    return xs[0] if xs else None

tree = Node(1, [Node(2, []), Node(3, [Node(4, [])])])
print(tree.total(), first([5, 6]), first([]))
print(Node.__annotations__)
