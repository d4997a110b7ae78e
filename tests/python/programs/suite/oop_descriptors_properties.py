class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        self._c = 0.0
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
del t.celsius
print(t.celsius)
class Field:
    def __set_name__(self, owner, name):
        self.name = name
        owner.fields = getattr(owner, "fields", []) + [name]
class Model:
    x = Field()
    y = Field()
print(Model.x.name, Model.y.name)
