"""Reference values of clients/python/examples/two_means.py for TwoMeansTest:
log Z and the posterior mean of s. The mu integrals are exact (a Gaussian times the erf of the prior
box), the one over u of s the midpoint rule with 200,000 nodes. Prints: -19.191807... 1.10890...
Run: python3 process/src/test/python/two_means_reference.py"""
import math

A = [-2.2, 0.3, -1.4, -0.1, -1.6]
B = [3.1, 0.9, 2.7, 1.2, 2.1]
N = 200000
LO, HI = math.log(0.2), math.log(5.0)
total = weighted_s = 0.0
for i in range(N):
    s = math.exp(LO + (i + 0.5) / N * (HI - LO))
    log_value = -10 * math.log(s) - 5 * math.log(2 * math.pi)
    for data in (A, B):
        mean = sum(data) / 5
        squares = sum((x - mean) ** 2 for x in data)
        sd = s / math.sqrt(5)
        mass = 0.5 * (math.erf((5 - mean) / (sd * math.sqrt(2))) - math.erf((-5 - mean) / (sd * math.sqrt(2))))
        log_value += -0.5 * squares / s ** 2 + math.log(math.sqrt(2 * math.pi) * sd * mass) - math.log(10)
    total += math.exp(log_value)
    weighted_s += s * math.exp(log_value)
print(math.log(total / N), weighted_s / total)
