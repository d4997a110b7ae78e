class Base:
    def __init__(self):
        self.__hidden = "base"
        self._protected = "prot"
    def reveal(self):
        return self.__hidden
    def __private_helper(self):
        return "helper"
    def use_helper(self):
        return self.__private_helper()

class Child(Base):
    def __init__(self):
        super().__init__()
        self.__hidden = "child"
    def reveal_child(self):
        return self.__hidden

c = Child()
print(c.reveal(), c.reveal_child(), c._protected, c.use_helper())
print(sorted(k for k in vars(c)) if False else sorted(c.__dict__))
print(c._Base__hidden, c._Child__hidden)
class Counter:
    __count = 0
    @classmethod
    def bump(cls):
        cls.__count += 1
        return cls.__count
print(Counter.bump(), Counter.bump())
