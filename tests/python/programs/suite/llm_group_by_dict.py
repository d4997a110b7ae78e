from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, List

@dataclass
class Order:
    customer: str
    item: str
    qty: int
    price: float

    @property
    def total(self) -> float:
        return self.qty * self.price

def summarize(orders: List[Order]) -> Dict[str, float]:
    out: Dict[str, float] = defaultdict(float)
    for o in orders:
        out[o.customer] += o.total
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))

orders = [Order(*line.split()[:2], int(line.split()[2]), float(line.split()[3])) for line in __import__("sys").stdin]
for name, total in summarize(orders).items():
    print(f"{name:<6} {total:8.2f}")
