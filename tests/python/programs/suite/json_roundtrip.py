import json, sys
data = json.loads(sys.stdin.read())
data["count"] = len(data["users"])
data["users"].sort(key=lambda u: (-u["age"], u["name"]))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps({"a": [1, 2.5, None, True], "b": "é"}, ensure_ascii=False, separators=(",", ":")))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("error at", e.pos, e.msg)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1, 2}}, cls=Enc))
