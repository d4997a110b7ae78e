class Config:
    def __init__(self, data):
        self._data = data
    def __getattr__(self, name):
        try:
            value = self._data[name]
        except KeyError:
            raise AttributeError(f"no setting {name!r}") from None
        return Config(value) if isinstance(value, dict) else value
    def __repr__(self):
        return f"Config({self._data})"

cfg = Config({"db": {"host": "localhost", "port": 5432}, "debug": True})
print(cfg.db.host, cfg.db.port, cfg.debug)
try:
    cfg.missing
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(cfg, "nope", "default"), hasattr(cfg, "debug"))
class Recorder:
    def __init__(self):
        self.calls = []
    def __getattr__(self, name):
        def method(*args):
            self.calls.append((name, args))
            return self
        return method
r = Recorder()
r.open("f").write(1, 2).close()
print(r.calls)
