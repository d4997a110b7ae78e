# attack: dos-operator-functions
# category: resource-exhaustion
# tries: build values over the size limits with operator.mul / operator.pow and math.prod instead of the guarded operators
# source: RestrictedPython guarded operator hooks (an unguarded functional form disables them); pyjail/DoS write-ups using operator functions to dodge AST checks
# verdict: status in {memory_limit, violation, error, timeout} and output lacks "BUILT" and returns within 6 s
# timeout_s: 1
import functools, math, operator
s = operator.mul("a", 3 * 10 ** 7)
x = operator.pow(10, 300000)
y = functools.reduce(operator.mul, [10 ** 1000] * 300)
z = math.prod([10 ** 1000] * 300)
print("BU" + "ILT", len(s), x.bit_length(), y.bit_length(), z.bit_length())
