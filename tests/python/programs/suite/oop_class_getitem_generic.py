class TypedList:
    def __class_getitem__(cls, item):
        name = getattr(item, "__name__", str(item))
        return type(f"TypedList[{name}]", (cls,), {"item_type": item})
    item_type = object
    def __init__(self, items=()):
        self.items = []
        for it in items:
            self.append(it)
    def append(self, it):
        if not isinstance(it, self.item_type):
            raise TypeError(f"expected {self.item_type.__name__}, got {type(it).__name__}")
        self.items.append(it)

IntList = TypedList[int]
xs = IntList([1, 2, 3])
print(type(xs).__name__, xs.items)
try:
    xs.append("four")
except TypeError as e:
    print("TypeError:", e)
print(list[int], dict[str, list[int]])
