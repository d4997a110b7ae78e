class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available

class Account:
    _next_id = 1
    interest = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.__balance = balance
        self.id = Account._next_id
        Account._next_id += 1

    @property
    def balance(self):
        return self.__balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.__balance += amount
        return self

    def withdraw(self, amount):
        if amount > self.__balance:
            raise InsufficientFunds(amount, self.__balance)
        self.__balance -= amount
        return self

    @classmethod
    def from_string(cls, s):
        owner, bal = s.split(":")
        return cls(owner, int(bal))

    @staticmethod
    def fee(amount):
        return round(amount * 0.01, 2)

    def __repr__(self):
        return f"Account({self.owner!r}, {self.__balance})"

class Savings(Account):
    interest = 0.05
    def add_interest(self):
        return self.deposit(self.balance * self.interest)

a = Account.from_string("ann:100").deposit(50)
b = Savings("bob", 200).add_interest()
print(a, b, a.id, b.id, Account.fee(250))
try:
    a.withdraw(1000)
except InsufficientFunds as e:
    print("error:", e, e.needed - e.available)
try:
    a.deposit(-1)
except ValueError as e:
    print("error:", e)
print(isinstance(b, Account), Savings.__mro__[1].__name__, a._Account__balance)
