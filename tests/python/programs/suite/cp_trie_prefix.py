class Trie:
    def __init__(self):
        self.root = {}
    def insert(self, w):
        node = self.root
        for ch in w:
            node = node.setdefault(ch, {})
            node["#count"] = node.get("#count", 0) + 1
        node["$"] = True
    def count_prefix(self, p):
        node = self.root
        for ch in p:
            if ch not in node:
                return 0
            node = node[ch]
        return node.get("#count", 0)
    def contains(self, w):
        node = self.root
        for ch in w:
            node = node.get(ch)
            if node is None:
                return False
        return node.get("$", False)
t = Trie()
words, queries = input().split(), input().split()
for w in words:
    t.insert(w)
print([t.count_prefix(q) for q in queries], [t.contains(q) for q in queries])
