"""Medians of Squall's dispatch benchmark and of the baselines, side by side (markdown on stdout).

usage: python3 compare.py squall.jsonl baselines.jsonl
Both files hold one JSON object per run in the schema of shared/baselines/workload.py summary():
efficiency = sum(cost) / (W * wall); ovh/eval = (wall - sum(cost)/W) / n; ovh/msg the same per
message; wall/greedy = wall / zero-overhead list-scheduling makespan of the same costs.
"""
import json
import statistics
import sys
from collections import defaultdict

ORDER = ["squall-auto", "squall-1pt", "mpi-pickle", "mpi-buffer", "pool-mapauto", "pool-imap", "pool-map1"]
LABEL = {
    "squall-auto": "Squall local, automatic tasks",
    "squall-1pt": "Squall local, 1-point tasks",
    "mpi-pickle": "MPI master-worker (pickle)",
    "mpi-buffer": "MPI master-worker (buffers)",
    "pool-mapauto": "Pool.map (auto chunks)",
    "pool-imap": "Pool.imap_unordered (1 point)",
    "pool-map1": "Pool.map (chunksize 1)",
}


def load(path):
    best = {}
    try:
        lines = open(path).read().splitlines()
    except FileNotFoundError:
        return []
    for line in lines:
        if not line.startswith("{"):
            continue
        r = json.loads(line)
        if r.get("failed"):
            continue
        key = (r.get("cmd") or (r["mech"], r["W"], r["t_nom"], r["sigma"], r["B"]), r.get("rep"))
        if key not in best or r.get("bg_during", 0) < best[key].get("bg_during", 0):
            best[key] = r
    return list(best.values())


def med(rows, field):
    xs = [r.get(field) for r in rows if r.get(field) is not None]
    return statistics.median(xs) if xs else None


def fmt(x, spec):
    return "–" if x is None else format(x, spec)


def tlabel(t):
    return "0" if t == 0 else f"{t * 1e3:g} ms"


def main():
    rows = load(sys.argv[1]) + (load(sys.argv[2]) if len(sys.argv) > 2 else [])
    groups = defaultdict(list)
    for r in rows:
        bkey = 0 if r["mech"] == "squall-auto" else r["B"]   # automatic task sizes vary per run
        groups[(r["t_nom"], r["sigma"], r["W"], r["mech"], bkey)].append(r)

    print("## Every mechanism (medians over repeats)\n")
    print("| t/point | σ | W | mechanism | points/msg | n | reps | msgs/s | ovh/eval µs | ovh/msg µs "
          "| efficiency | wall/greedy | other load (cores) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    cells = defaultdict(dict)
    for key in sorted(groups, key=lambda k: (k[0], k[1], k[2], ORDER.index(k[3]) if k[3] in ORDER else 99, k[4])):
        t, sigma, w, mech, b = key
        g = groups[key]
        n = g[0]["n"]
        msgs = [r["n_msgs"] / r["wall"] for r in g]
        eff = med(g, "eff")
        ovh = med(g, "ovh_per_eval_us")
        if mech in ("squall-auto", "squall-1pt", "pool-mapauto", "pool-imap") or (mech == "mpi-pickle" and b == 1):
            cells[(t, sigma, w)][mech] = (eff, ovh)
        if mech == "mpi-buffer" and b > 1:
            cells[(t, sigma, w)]["mpi-buffer-16"] = (eff, ovh)
        print("| " + " | ".join([
            tlabel(t), f"{sigma:g}", str(w), LABEL.get(mech, mech),
            (f"{med(g, 'B'):.0f} (mean)" if mech == "squall-auto" else str(b)), str(n), str(len(g)),
            f"{statistics.median(msgs):,.0f}", fmt(ovh, ".2f"), fmt(med(g, "ovh_per_msg_us"), ".1f"),
            fmt(eff, ".3f"), fmt(med(g, "wall_over_greedy"), ".3f"), fmt(med(g, "bg_during"), ".2f"),
        ]) + " |")

    print("\n## Side by side\n")
    print("Efficiency = Σcost / (W · wall) for t > 0; for t = 0 the overhead per point in µs (lower is "
          "better). Ratios are Squall ÷ baseline for efficiency, baseline ÷ Squall for overhead "
          "(above 1: Squall better).\n")
    print("| t/point | σ | W | Squall auto | Squall 1-pt | MPI m-w 1-pt | MPI buffers ×16 | Pool.map auto "
          "| imap 1-pt | auto ÷ MPI | auto ÷ Pool.map | 1-pt ÷ MPI 1-pt |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for (t, sigma, w) in sorted(cells):
        c = cells[(t, sigma, w)]
        idx = 1 if t == 0 else 0
        spec = ".2f" if t == 0 else ".3f"

        def v(m):
            return c.get(m, (None, None))[idx]

        def ratio(a, b):
            x, y = v(a), v(b)
            if x is None or y is None or x <= 0 or y <= 0:
                return "–"
            return f"{(y / x if t == 0 else x / y):.2f}"

        print("| " + " | ".join([
            tlabel(t), f"{sigma:g}", str(w),
            fmt(v("squall-auto"), spec), fmt(v("squall-1pt"), spec), fmt(v("mpi-pickle"), spec),
            fmt(v("mpi-buffer-16"), spec), fmt(v("pool-mapauto"), spec), fmt(v("pool-imap"), spec),
            ratio("squall-auto", "mpi-pickle"), ratio("squall-auto", "pool-mapauto"),
            ratio("squall-1pt", "mpi-pickle"),
        ]) + " |")


if __name__ == "__main__":
    main()
