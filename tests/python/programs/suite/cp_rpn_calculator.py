import operator
OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "^": operator.pow}
def rpn(tokens):
    st = []
    for t in tokens:
        if t in OPS:
            b, a = st.pop(), st.pop()
            st.append(OPS[t](a, b))
        else:
            st.append(float(t) if "." in t else int(t))
    return st[0]
def to_rpn(expr):
    prec = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}
    out, ops = [], []
    for t in expr.split():
        if t in prec:
            while ops and ops[-1] != "(" and (prec[ops[-1]] > prec[t] or prec[ops[-1]] == prec[t] and t != "^"):
                out.append(ops.pop())
            ops.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            out.append(t)
    return out + ops[::-1]
for line in __import__("sys").stdin:
    r = to_rpn(line.strip())
    print(" ".join(r), "=", rpn(r))
