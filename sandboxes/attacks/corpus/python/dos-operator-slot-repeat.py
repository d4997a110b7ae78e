# attack: dos-operator-slot-repeat
# category: resource-exhaustion
# tries: repeat a list through the operator slot read as an attribute (list.__mul__) and an __index__ count, past the `*` size guard
# source: sandboxes round-3 red team (F2, F18)
# verdict: status in {memory_limit, violation} and output lacks "BUILT" and returns within 6 s
class G:
    def __index__(self):
        return 3 * 10 ** 7
x = list.__mul__([0], 3 * 10 ** 7)
y = [0] * G()
print("BUI" + "LT", len(x), len(y))
