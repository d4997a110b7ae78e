class SegTree:
    def __init__(self, data):
        self.n = n = len(data)
        self.t = [0] * (2 * n)
        self.t[n:] = data
        for i in range(n - 1, 0, -1):
            self.t[i] = self.t[2 * i] + self.t[2 * i + 1]
    def update(self, i, v):
        i += self.n
        self.t[i] = v
        while i > 1:
            i //= 2
            self.t[i] = self.t[2 * i] + self.t[2 * i + 1]
    def query(self, l, r):
        res = 0
        l += self.n
        r += self.n
        while l < r:
            if l & 1:
                res += self.t[l]; l += 1
            if r & 1:
                r -= 1; res += self.t[r]
            l //= 2; r //= 2
        return res
st = SegTree([5, 3, 8, 6, 1, 4])
print(st.query(0, 6), st.query(1, 4))
st.update(2, 0)
print(st.query(0, 6), st.query(2, 3))
