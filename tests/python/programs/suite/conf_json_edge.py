import json
data = {"name": "Zoë", "n": [1, 2.0, 3.5e-8, 10**20, True, None], "nested": {"z": 1, "a": [{}, []]}, "emoji": "😀"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":"), indent="\t")[:60])
print(json.loads('{"a": 1e400, "b": -0.0, "c": 1.10, "d": "\\u00e9\\ud83d\\ude00"}'))
print(json.dumps([float("inf"), float("nan")]))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e, e.pos, e.lineno, e.colno)
print(json.dumps({1: 2, 2.5: 3, True: 4, None: 5}))
print(json.loads("[1, 2]", parse_int=str), json.loads('{"x": 1.5}', parse_float=lambda s: "F" + s))
print(json.dumps((1, 2)), json.dumps("a\u2028b\x00"), json.dumps({"k": "v"}, default=str, indent=0))
class E(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=E))
try:
    json.dumps({"s": object()})
except TypeError as e:
    print("TypeError:", e)
print(json.loads('"\\ud800"') == "\ud800", json.dumps(json.loads('{"a":[1,{"b":null}]}'), indent=1))
