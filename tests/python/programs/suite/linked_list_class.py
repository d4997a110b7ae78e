class ListNode:
    def __init__(self, val, nxt=None):
        self.val, self.next = val, nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        for it in reversed(list(items)):
            self.head = ListNode(it, self.head)
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
        return self
    def __len__(self):
        return sum(1 for _ in self)
    def __repr__(self):
        return " -> ".join(map(str, self)) or "empty"
ll = LinkedList(range(1, 6))
print(ll, len(ll))
print(ll.reverse())
print(LinkedList(), list(LinkedList("abc")))
