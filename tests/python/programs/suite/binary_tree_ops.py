class Node:
    __slots__ = ("key", "left", "right")
    def __init__(self, key):
        self.key, self.left, self.right = key, None, None
class BST:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, key):
        def _ins(node):
            if node is None:
                self.size += 1
                return Node(key)
            if key < node.key:
                node.left = _ins(node.left)
            elif key > node.key:
                node.right = _ins(node.right)
            return node
        self.root = _ins(self.root)
    def inorder(self):
        stack, node = [], self.root
        while stack or node:
            while node:
                stack.append(node); node = node.left
            node = stack.pop()
            yield node.key
            node = node.right
    def height(self, node="root"):
        node = self.root if node == "root" else node
        return 0 if node is None else 1 + max(self.height(node.left), self.height(node.right))
    def __contains__(self, key):
        n = self.root
        while n:
            if key == n.key:
                return True
            n = n.left if key < n.key else n.right
        return False
t = BST()
for k in map(int, input().split()):
    t.insert(k)
print(list(t.inorder()), t.size, t.height(), 7 in t, 100 in t)
