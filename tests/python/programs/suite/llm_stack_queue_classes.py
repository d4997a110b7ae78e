class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1] if self._items else None
    def __bool__(self):
        return bool(self._items)

class QueueFromStacks:
    def __init__(self):
        self.inbox, self.outbox = Stack(), Stack()
    def enqueue(self, x):
        self.inbox.push(x)
    def dequeue(self):
        if not self.outbox:
            while self.inbox:
                self.outbox.push(self.inbox.pop())
        return self.outbox.pop()

q = QueueFromStacks()
for i in range(5):
    q.enqueue(i)
print([q.dequeue() for _ in range(3)])
q.enqueue(99)
print([q.dequeue() for _ in range(3)])
try:
    q.dequeue()
except IndexError as e:
    print("IndexError:", e)
