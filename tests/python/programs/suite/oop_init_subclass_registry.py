class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
    def run(self, x):
        raise NotImplementedError

class Upper(Plugin, name="up"):
    def run(self, x):
        return x.upper()

class Reverse(Plugin):
    def run(self, x):
        return x[::-1]

class Twice(Reverse):
    def run(self, x):
        return super().run(x) * 2

for line in __import__("sys").stdin:
    name, text = line.split(maxsplit=1)
    print(Plugin.registry[name]().run(text.strip()))
print(sorted(Plugin.registry), Twice.plugin_name)
