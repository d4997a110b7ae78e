import json
import sys
def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out
docs = [json.loads(line) for line in sys.stdin if line.strip()]
cfg = {}
for d in docs:
    cfg = merge(cfg, d)
print(json.dumps(cfg, sort_keys=True))
print(json.dumps(cfg["server"], indent=4))
print(json.loads("[1, 2.0, \"x\", null, false]"), json.dumps(float("inf")) if False else json.dumps(1e100))
