# The follow-up probe: prints the shared state an attack could try to change for the next run.
# The audit runs it before the corpus and after every cross-run-poisoning attack and compares.
import collections.abc, decimal, fractions, json, math, random, re, string, sys, textwrap, functools, operator, typing
print("fraction", fractions.Fraction(3, 6), fractions.Fraction.limit_denominator.__name__)
print("textwrap", textwrap.TextWrapper().width, textwrap.wrap("a b c d e f", 3))
print("decimal", decimal.getcontext().prec, decimal.Decimal(1) / decimal.Decimal(7))
print("recursion", sys.getrecursionlimit())
print("json", json.dumps({"a": [1, 2]}), json.loads("[1]"))
print("math", math.pi, math.factorial(5))
print("abc", isinstance({}, collections.abc.Sequence), issubclass(int, collections.abc.Sequence))
print("string", string.ascii_letters, re.sub("a", "b", "aa"))
print("builtins", len.__name__, print.__name__, int("12"), str(3), sorted([3, 1, 2]))
print("misc", "{0}-{1}".format(1, 2), "%s" % 5, operator.add(1, 2), functools.reduce(operator.add, [1, 2, 3]))
print("random", type(random.random()).__name__)
print("caches", typing.Optional[fractions.Fraction], typing.List[int], re.compile("abc").match("ABC"))
