import pandas as pd

data = [{"id": 1, "user": {"name": "ann", "tags": ["x", "y"]}, "n": 3},
        {"id": 2, "user": {"name": "bob", "tags": []}, "n": 1},
        {"id": 3, "user": {"name": "cy", "tags": ["z"]}}]
flat = pd.json_normalize(data)
print(flat)
print(flat.explode("user.tags"))
print(pd.json_normalize(data, record_path=["user", "tags"], meta=["id"]))
print(pd.Series([[1, 2], [3], []]).explode().tolist())
