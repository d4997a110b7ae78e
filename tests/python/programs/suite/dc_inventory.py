from dataclasses import dataclass, field, asdict, replace
from typing import List

@dataclass(order=True)
class Item:
    price: float
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list, compare=False)

    @property
    def label(self) -> str:
        return f"{self.name} (${self.price:.2f})"

items = []
for line in open(0) if False else __import__("sys").stdin:
    name, price, *tags = line.split()
    items.append(Item(float(price), name, tags))
for it in sorted(items):
    print(it.label, it.tags)
cheap = replace(items[0], price=0.5)
print(asdict(cheap))
print(max(items))
