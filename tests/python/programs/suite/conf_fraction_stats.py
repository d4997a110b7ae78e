from fractions import Fraction
import statistics as st
fs = [Fraction(1, 3), Fraction(2, 7), Fraction(5, 6)]
print(sum(fs), repr(sum(fs)), float(sum(fs)))
print(Fraction("3.1415"), Fraction(0.75), Fraction(1, 3).limit_denominator(2))
print(f"{Fraction(22, 7)}", str(Fraction(-4, 6)), Fraction(10, 5), Fraction(3, 4) ** 2, Fraction(1, 2) < 0.6)
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), st.stdev(data))
print(st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.mean([Fraction(1, 2), Fraction(3, 4)]), st.harmonic_mean([40, 60]), st.multimode("aabbbcccc"))
print(st.quantiles(range(1, 101), n=4), st.fmean([1, 2, 3.5]), st.geometric_mean([54, 24, 36]))
print(st.correlation([1, 2, 3, 4], [2, 4, 5, 9]), st.linear_regression([1, 2, 3], [2, 4, 7]))
