import numpy as np

a = np.arange(6.0).reshape(2, 3)
b = np.arange(12.0).reshape(3, 4)
print(a @ b)
print(np.einsum("ij,jk->ik", a, b))
print(np.einsum("ii->", np.arange(9.0).reshape(3, 3)), np.einsum("i,i->", [1.0, 2.0], [3.0, 4.0]))
print(np.einsum("bij,bjk->bik", np.ones((2, 2, 3)), np.ones((2, 3, 2))))
print(np.tensordot(a, b, axes=1).sum(), np.kron([1, 2], [1, 10]))
print(np.matmul(np.eye(2), [[1.0, 2.0], [3.0, 4.0]]), np.vdot([1j, 2], [1j, 3]))
print(np.linalg.matrix_power(np.array([[1, 1], [1, 0]]), 10))
