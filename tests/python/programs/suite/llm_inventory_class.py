class OutOfStock(Exception):
    pass

class Inventory:
    def __init__(self):
        self._stock: dict[str, int] = {}

    def add(self, item: str, qty: int = 1) -> None:
        if qty <= 0:
            raise ValueError("qty must be positive")
        self._stock[item] = self._stock.get(item, 0) + qty

    def remove(self, item: str, qty: int = 1) -> None:
        have = self._stock.get(item, 0)
        if have < qty:
            raise OutOfStock(f"only {have} {item} left")
        self._stock[item] = have - qty
        if not self._stock[item]:
            del self._stock[item]

    def __contains__(self, item):
        return item in self._stock

    def __len__(self):
        return sum(self._stock.values())

    def __str__(self):
        return ", ".join(f"{k}={v}" for k, v in sorted(self._stock.items())) or "<empty>"

inv = Inventory()
for line in __import__("sys").stdin:
    op, item, qty = line.split()
    try:
        getattr(inv, op)(item, int(qty))
        print(f"{op} {item} {qty}: {inv}")
    except (OutOfStock, ValueError) as e:
        print(f"{op} {item} {qty}: error: {e}")
print(len(inv), "apple" in inv)
