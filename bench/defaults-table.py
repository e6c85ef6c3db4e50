#!/usr/bin/env python3
"""Summarise AccuracyBenchmark CSVs (--csv) into the defaults table of docs/accuracy.md.

    bench/defaults-table.py LABEL=FILE.csv [LABEL=FILE.csv ...]

Per problem: mean Δlog Z of the shipped (re-solved) estimate ± its standard error, the worst
coordinate's seed-averaged posterior std against the truth, and the mean likelihood calls; per
candidate, whether every goal of issue 7 item 6 is met and the calls summed over the problems.
"""
import csv
import math
import sys

TRUE_STD = {
    "gauss-10": [1.0] * 10,
    "corr-20": [1.0] * 20,
    "shells-2": [3.777, 1.420],
    "eggbox-2": [9.399, 9.399],
    "rosenbrock-10": [0.703 if j % 2 == 0 else 1.563 for j in range(10)],
}
BOUND = {"rosenbrock-10": 0.3}
ORDER = list(TRUE_STD)


def summarise(path):
    rows = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            rows.setdefault(r["problem"], []).append(r)
    out = {}
    for problem, rs in rows.items():
        e = [float(r["errorResolved"]) for r in rs]
        n = len(e)
        m = sum(e) / n
        sd = math.sqrt(sum((x - m) ** 2 for x in e) / (n - 1)) if n > 1 else float("nan")
        stds = [[float(v) for v in r["std"].split()] for r in rs]
        rel = [sum(s[j] for s in stds) / n / t - 1 for j, t in enumerate(TRUE_STD[problem])]
        worst = max(rel, key=abs)
        calls = sum(int(r["calls"]) for r in rs) / n
        ok = abs(m) <= BOUND.get(problem, 0.15) and abs(worst) <= 0.03
        out[problem] = (n, m, sd / math.sqrt(n), worst, min(rel), max(rel), calls, ok)
    return out


def main():
    print("| candidate | problem | S | mean Δlog Z ± s.e. | bound | std error, worst coordinate "
          "(range) | mean calls | goals |")
    print("|---|---|---|---|---|---|---|---|")
    totals = []
    for arg in sys.argv[1:]:
        label, path = arg.split("=", 1)
        s = summarise(path)
        for p in [p for p in ORDER if p in s]:
            n, m, se, worst, lo, hi, calls, ok = s[p]
            print(f"| {label} | {p} | {n} | {m:+.3f} ± {se:.3f} | {BOUND.get(p, 0.15)} | {100 * worst:+.1f} % "
                  f"({100 * lo:+.1f} … {100 * hi:+.1f}) | {calls / 1000:.0f} k | {'met' if ok else 'NOT met'} |")
        totals.append((label, sum(v[6] for v in s.values()), all(v[7] for v in s.values()), len(s)))
    print()
    print("| candidate | problems | calls summed over the problems | all goals met |")
    print("|---|---|---|---|")
    for label, calls, ok, k in totals:
        print(f"| {label} | {k} | {calls / 1000:.0f} k | {'yes' if ok else 'no'} |")


if __name__ == "__main__":
    main()
