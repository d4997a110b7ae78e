from typing import List
Matrix = List[List[float]]

def transpose(m: Matrix) -> Matrix:
    return [list(r) for r in zip(*m)]

def multiply(a: Matrix, b: Matrix) -> Matrix:
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]

def determinant(m: Matrix) -> float:
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    return sum((-1) ** j * m[0][j] * determinant([r[:j] + r[j + 1:] for r in m[1:]]) for j in range(len(m)))

A = [[1, 2, 3], [0, 1, 4], [5, 6, 0]]
B = [[1, 0, 0], [0, 2, 0], [0, 0, 3]]
print(multiply(A, B))
print(transpose(A))
print(determinant(A), determinant(B))
