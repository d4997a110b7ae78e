MOD = 10**9 + 7
def mul(A, B):
    return [[sum(A[i][k] * B[k][j] for k in range(2)) % MOD for j in range(2)] for i in range(2)]
def power(M, e):
    R = [[1, 0], [0, 1]]
    while e:
        if e & 1:
            R = mul(R, M)
        M = mul(M, M)
        e >>= 1
    return R
for n in map(int, input().split()):
    print(power([[1, 1], [1, 0]], n)[0][1])
