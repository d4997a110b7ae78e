class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]
    def __setitem__(self, idx, v):
        i, j = idx
        self.rows[i][j] = v
    def __len__(self):
        return len(self.rows)
    def __iter__(self):
        for r in self.rows:
            yield from r
    def __contains__(self, v):
        return any(v in r for r in self.rows)
    def __matmul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __eq__(self, o):
        return self.rows == o.rows
    def __repr__(self):
        return "\n".join(" ".join(f"{x:3}" for x in r) for r in self.rows)

m = Matrix([[1, 2], [3, 4]])
m[0, 1] = 5
print(m @ m)
print(len(m), list(m), 4 in m, 7 in m, m == Matrix([[1, 5], [3, 4]]))
