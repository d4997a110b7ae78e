import copy
class Node:
    def __init__(self, val, children=None):
        self.val = val
        self.children = children or []
    def __repr__(self):
        return f"Node({self.val}, {self.children})"
tree = Node(1, [Node(2), Node(3, [Node(4)])])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
tree.children[1].val = 30
print(shallow.children[1].val, deep.children[1].val)
nested = [[1, 2], {"a": [3]}]
c = copy.deepcopy(nested)
c[1]["a"].append(4)
print(nested, c)
class Cfg:
    def __init__(self):
        self.items = [1]
    def __copy__(self):
        new = Cfg()
        new.items = self.items
        return new
    def __deepcopy__(self, memo):
        new = Cfg()
        new.items = copy.deepcopy(self.items, memo)
        return new
a = Cfg(); b = copy.copy(a); d = copy.deepcopy(a)
a.items.append(2)
print(b.items, d.items)
