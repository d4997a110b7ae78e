# attack: dos-factorial
# category: resource-exhaustion
# tries: a multi-million-digit math.factorial / math.comb computed in one uninterruptible C call
# source: Python sandbox DoS write-ups ("math.factorial(10**9)"); CWE-400
# verdict: status in {memory_limit, violation, error, timeout} and output lacks "BUILT" and returns within 8 s
# timeout_s: 1
import math
x = math.factorial(10 ** 6)
y = math.comb(2 * 10 ** 6, 10 ** 6)
print("BU" + "ILT", x.bit_length(), y.bit_length())
