import numpy as np

print(np.array([1, 2, 3], dtype=np.int16).astype(np.float32))
print(np.array([1.7, -1.7, 2.5, 3.5]).astype(np.int64))
print(np.round(np.array([0.5, 1.5, 2.5, -0.5])))
print(np.array([300], dtype=np.int64).astype(np.uint8))
print(np.array(['1', '22', '333']).astype(np.int64) * 2)
print(np.iinfo(np.int32).max, np.iinfo(np.int64).min, np.finfo(np.float64).eps)
print(np.array([True, False]).astype(np.int64).sum())
print(np.float32(0.1) + np.float32(0.2), np.float64(0.1) + np.float64(0.2))
print(np.array([1, 2], dtype=np.int64).dtype, np.array([1.0]).dtype, np.array(['ab']).dtype, np.array([1 + 2j]).dtype)
print(np.result_type(np.int8, np.float32), np.promote_types(np.int32, np.uint32))
print(np.array([1, 2, 3], dtype=np.complex128) * 1j)
print(np.array([np.nan, 1.0, np.inf]), np.isnan(np.array([np.nan, 1.0])), np.nansum([np.nan, 1.0, 2.0]))
