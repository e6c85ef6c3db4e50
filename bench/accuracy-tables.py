#!/usr/bin/env python3
"""Pool AccuracyBenchmark CSVs (--csv) into the bias and calibration tables of docs/accuracy.md.

    bench/accuracy-tables.py FILE.csv [FILE.csv ...]

The same formulas as the benchmark's own tables, over every run of every file (e.g. seeds 1-100
and 101-300 of two invocations): per problem, the bias of the persistent and re-solved estimates
(mean error ± sd/sqrt(S)), their spread, the paired difference and the spread change; then the
calibration of the stated error (rms sigma, sd(e)/rms sigma, coverage of the 68.3 % and 95.4 %
intervals against the ±2 s.e. binomial band, share above the truth, median K_eff and ratio, share
of runs with a warning).
"""
import csv
import math
import statistics
import sys


def sd(xs):
    return statistics.stdev(xs) if len(xs) > 1 else float("nan")


def coverage(hits, n, p):
    band = 2 * math.sqrt(p * (1 - p) / n)
    return "%.0f %% [%.0f–%.0f]" % (100.0 * hits / n, 100 * max(0, p - band), 100 * min(1, p + band))


def calibration(name, label, rows, err, sig):
    e = [float(r[err]) for r in rows]
    s = [float(r[sig]) for r in rows]
    n = len(rows)
    rms = math.sqrt(sum(x * x for x in s) / n)
    in1 = sum(abs(e[i]) < float(rows[i]["factor68"]) * s[i] for i in range(n))
    in2 = sum(abs(e[i]) < float(rows[i]["factor95"]) * s[i] for i in range(n))
    above = sum(x > 0 for x in e)
    biased = "biased" if abs(statistics.mean(e)) > 0.25 * rms else "no"
    ratio = statistics.median(float(r["ratio"]) for r in rows)
    lineages = statistics.median(float(r["effectiveLineages"]) for r in rows)
    warned = 100.0 * sum(int(r["warnings"]) > 0 for r in rows) / n
    print("| %s | %s | %d | %.3f | %.2f | %s | %s | %s | %.0f %% | %.0f | %.2f | %.0f %% |" % (
        name, label, n, rms, sd(e) / rms, biased, coverage(in1, n, 0.6827), coverage(in2, n, 0.9545),
        100.0 * above / n, lineages, ratio, warned))


def main(paths):
    problems = {}
    for path in paths:
        with open(path) as f:
            for r in csv.DictReader(f):
                problems.setdefault(r["problem"], []).append(r)
    print("| problem | S | persistent ē ± s.e. | sd(e) | re-solved (shipped) ē ± s.e. | sd(e) "
          "| re-solved − persistent (paired) | spread change | mean calls |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, rows in problems.items():
        ep = [float(r["errorPersistent"]) for r in rows]
        er = [float(r["errorResolved"]) for r in rows]
        d = [b - a for a, b in zip(ep, er)]
        n = len(rows)
        print("| %s | %d | %+.3f ± %.3f | %.3f | %+.3f ± %.3f | %.3f | %+.3f ± %.3f | %+.0f %% | %.0f k |" % (
            name, n, statistics.mean(ep), sd(ep) / math.sqrt(n), sd(ep), statistics.mean(er),
            sd(er) / math.sqrt(n), sd(er), statistics.mean(d), sd(d) / math.sqrt(n),
            100 * (sd(er) / sd(ep) - 1), statistics.mean(int(r["calls"]) for r in rows) / 1000))
    print()
    print("| problem | estimate | S | rms σ̂ | sd(e)/rms σ̂ | biased? | within 68.3 % [band] | within 95.4 % [band] "
          "| above truth | median K_eff | median ratio | warned |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, rows in problems.items():
        calibration(name, "**re-solved**", rows, "errorResolved", "sigma")
        calibration(name, "persistent", rows, "errorPersistent", "sigmaPersistent")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
