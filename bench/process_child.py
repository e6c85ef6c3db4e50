"""Child for bench/process.sh: a Gaussian log-likelihood in DIM dimensions that first busy-waits
COST_MS milliseconds of thread CPU time per point (as ../shared/baselines/workload.py does);
COST_MS = 0 measures the protocol alone. VECTORIZED=1 uses the NumPy batch callback."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients", "python"))
import squall_process  # noqa: E402

DIM = int(os.environ.get("DIM", "16"))
COST = float(os.environ.get("COST_MS", "0")) / 1000.0


def spin(cost):
    end = time.thread_time() + cost
    while time.thread_time() < end:
        pass


def log_likelihood(theta):
    if COST > 0:
        spin(COST)
    return -0.5 * sum(t * t for t in theta)


def log_likelihood_batch(thetas):
    if COST > 0:
        spin(COST * len(thetas))
    return -0.5 * (thetas * thetas).sum(axis=1)


if __name__ == "__main__":
    if os.environ.get("VECTORIZED") == "1" and squall_process.np is not None:
        squall_process.serve(log_likelihood_batch, dim=DIM, vectorized=True)
    else:
        squall_process.serve(log_likelihood, dim=DIM)
