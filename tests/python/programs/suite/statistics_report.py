import statistics as st
data = [float(x) for x in input().split()]
print(st.mean(data), st.median(data), st.mode([1, 1, 2, 3]))
print(round(st.stdev(data), 6), round(st.pvariance(data), 6), st.quantiles(data, n=4))
print(st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.harmonic_mean([40, 60]))
nd = st.NormalDist(100, 15)
print(round(nd.cdf(130), 6), round(nd.inv_cdf(0.5), 6))
print(st.correlation([1, 2, 3, 4], [2, 4, 6, 8.5]) > 0.99, st.linear_regression([1, 2, 3], [2, 4, 6]))
