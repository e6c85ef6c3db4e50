"""The built-in `gaussian` model of Squall (sigma 1, no correlation) written in Python.

Its log-likelihood is computed with the same formula and in the same order as the Java model
(GaussianModel), so with the same prior a run gives the same log Z, bit for bit:
    log L = -0.5 * sum_i theta_i^2 - 0.5 * d * log(2 pi)
Settings: conf/examples/python-gauss.conf (dimension from the environment, default 2).
"""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import squall_process  # noqa: E402

DIM = int(os.environ.get("GAUSS_DIM", "2"))
LOG_NORMALISER = 0.5 * DIM * math.log(2.0 * math.pi)


def log_likelihood(theta):
    chi2 = 0.0
    for t in theta:
        chi2 += t * t
    return -0.5 * chi2 - LOG_NORMALISER


if __name__ == "__main__":
    squall_process.serve(log_likelihood, dim=DIM)
