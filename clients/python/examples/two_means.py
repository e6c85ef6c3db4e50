"""A likelihood with its own prior and derived values: two Gaussian means mu1, mu2 and a common
scale s, fitted to a small fixed data set, vectorized when NumPy is installed.

Prior (here, not in Squall's settings: prior = process): mu1, mu2 ~ U(-5, 5), s ~ LogU(0.2, 5).
Derived values: `diff` = mu2 - mu1 and `sum` = mu1 + mu2.
"""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import squall_process  # noqa: E402

A = [-2.2, 0.3, -1.4, -0.1, -1.6]
B = [3.1, 0.9, 2.7, 1.2, 2.1]
LOG_LOW, LOG_HIGH = math.log(0.2), math.log(5.0)


def prior(u):
    return [-5.0 + 10.0 * u[0], -5.0 + 10.0 * u[1], math.exp(LOG_LOW + u[2] * (LOG_HIGH - LOG_LOW))]


def log_likelihood(theta):
    mu1, mu2, s = theta
    chi2 = sum((x - mu1) ** 2 for x in A) + sum((x - mu2) ** 2 for x in B)
    n = len(A) + len(B)
    value = -0.5 * chi2 / (s * s) - n * math.log(s) - 0.5 * n * math.log(2.0 * math.pi)
    return value, [mu2 - mu1, mu1 + mu2]


if __name__ == "__main__":
    if squall_process.np is not None and os.environ.get("TWO_MEANS_LOOP") is None:
        np = squall_process.np
        a, b = np.array(A), np.array(B)

        def prior_v(u):
            return np.column_stack([-5.0 + 10.0 * u[:, 0], -5.0 + 10.0 * u[:, 1],
                                    np.exp(LOG_LOW + u[:, 2] * (LOG_HIGH - LOG_LOW))])

        def log_likelihood_v(theta):
            mu1, mu2, s = theta[:, 0:1], theta[:, 1:2], theta[:, 2]
            chi2 = ((a - mu1) ** 2).sum(axis=1) + ((b - mu2) ** 2).sum(axis=1)
            n = len(A) + len(B)
            value = -0.5 * chi2 / (s * s) - n * np.log(s) - 0.5 * n * math.log(2.0 * math.pi)
            return value, np.column_stack([theta[:, 1] - theta[:, 0], theta[:, 0] + theta[:, 1]])

        squall_process.serve(log_likelihood_v, dim=3, derived=("diff", "sum"), prior=prior_v, vectorized=True)
    else:
        squall_process.serve(log_likelihood, dim=3, derived=("diff", "sum"), prior=prior)
