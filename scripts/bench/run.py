#!/usr/bin/env python3
"""STPDash at national scale, measured against the DuckDB shell, DuckDB from Python and polars.

Builds STPDash (release), generates the datasets (1,000 x S footprints x 50
organisations, deterministic), installs DuckDB, the duckdb-cli wheel (whose
native shell is run directly), polars and pandas from PyPI into
bench-work/venv, checks that every tool computes the same league, then times
each tool as a whole process, interleaved round by round so that a slow moment
of the machine hits every tool alike. Prints a table per size (median wall
time, peak memory, STPDash's ratio to each), the key presses (bench-ui), the
curve (time and memory per MB of input) and the targets.

Run from anywhere:  scripts/benchmark  [--rounds N] [--scales 1,5,10,20 | --footprints N --orgs K]
                   [--pandas] [--compare-with OLD_STPDASH]
(scale S is 1,000 x S footprints of 50 organisations: 5 is about 4.6 million finance rows.)
Not part of the test suite (it takes minutes and needs PyPI).
"""
import argparse
import csv
import io
import os
import platform
import random
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORK = os.path.join(ROOT, "bench-work")
VENV = os.path.join(WORK, "venv")
PY = os.path.join(VENV, "bin", "python")
STPDASH = os.path.join(ROOT, ".build", "release", "stpdash")


def sh(cmd, **kw):
    print("+ " + " ".join(cmd), file=sys.stderr)
    return subprocess.run(cmd, check=True, **kw)


def measure(cmd):
    """Runs a command once: (wall seconds, peak RSS MiB, user s, system s)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime, usage.ru_stime


def output(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def league_rows(text, columns):
    rows = list(csv.DictReader(io.StringIO(text)))
    return [[r[c] for c in columns] for r in rows]


def agree(name, ours, theirs):
    """STPDash's league against another tool's: same order, same figures."""
    if len(ours) != len(theirs):
        raise SystemExit(f"{name}: {len(theirs)} rows, STPDash has {len(ours)}")
    for a, b in zip(ours, theirs):
        if a[0] != b[0] or a[1] != b[1] or a[2] != b[2] or int(a[3]) != int(float(b[3])):
            raise SystemExit(f"{name} differs: {a} vs {b}")
        for x, y, tol in ((a[4], b[4], 5e-4), (a[5], b[5], 5e-4), (a[6], b[6], 5e-3)):
            if (x == "") != (y == ""):
                raise SystemExit(f"{name} differs on a missing figure: {a} vs {b}")
            if x and abs(float(x) - float(y)) > tol:
                raise SystemExit(f"{name} differs: {a} vs {b}")
    print(f"  {name}: same {len(ours)} rows in the same order, figures equal", file=sys.stderr)


TOOLS_DOC = """STPDash: `stpdash league --format csv`; DuckDB (shell): the native `duckdb` binary of the
duckdb-cli wheel, run directly; DuckDB (Python) and polars: the same league from Python."""


def dataset(args, footprints, orgs):
    data = os.path.join(WORK, f"data-{footprints}x{orgs}")
    if not os.path.exists(os.path.join(data, "alignment.csv")):
        sh([STPDASH, "synth", "--footprints", str(footprints), "--orgs", str(orgs), "--seed", "1", "--out", data])
    sizes = {f: os.path.getsize(os.path.join(data, f)) for f in sorted(os.listdir(data)) if f.endswith(".csv")}
    with open(os.path.join(data, "finance.csv"), "rb") as f:
        rows = sum(1 for _ in f) - 1
    return data, sizes, rows


def shell_binary():
    """The native DuckDB shell inside the duckdb-cli wheel (its `bin/duckdb` is a Python wrapper)."""
    out = output([PY, "-c", "import duckdb_cli, os; print(os.path.dirname(duckdb_cli.__file__))"]).strip()
    path = os.path.join(out, "duckdb")
    if not os.access(path, os.X_OK):
        raise SystemExit(f"the duckdb-cli wheel holds no shell binary at {path}")
    return path


def tools_for(data, args, shell):
    sql = open(os.path.join(ROOT, "scripts", "bench", "league_duckdb.py")).read()
    start = sql.index('con.sql(f"""') + len('con.sql(f"""')
    query = sql[start:sql.index('""").write_csv')].replace("{{", "{").replace("}}", "}").replace("{d}", data)
    sql_file = os.path.join(WORK, f"league-{os.path.basename(data)}.sql")
    with open(sql_file, "w") as f:
        f.write("COPY (" + query.strip() + ") TO '/dev/stdout' (HEADER, DELIMITER ',');\n")
    tools = {
        "STPDash": [STPDASH, "league", "--format", "csv", "--data", data],
        "DuckDB (shell)": [shell, "-c", f".read {sql_file}"],
        "DuckDB (Python)": [PY, os.path.join(ROOT, "scripts", "bench", "league_duckdb.py"), data],
        "polars": [PY, os.path.join(ROOT, "scripts", "bench", "league_polars.py"), data],
    }
    if args.pandas:
        tools["pandas"] = [PY, os.path.join(ROOT, "scripts", "bench", "league_pandas.py"), data]
    return tools


def identical(old, data):
    """STPDash's output against another build's, byte for byte, in every format and a few settings."""
    variants = [["--format", f] for f in ("csv", "json", "table")] + [
        ["--format", "csv", "--delivery", "70", "--sort", "plan_with_refusals"],
        ["--format", "csv", "--delivery", "observed", "--refusing", "conditional", "--sort", "name", "--asc"],
        ["--format", "json", "--delivery", "130", "--region", "London", "--sort", "balance_year"],
    ]
    differ = []
    for v in variants:
        a = subprocess.run([STPDASH, "league", "--data", data] + v, capture_output=True, check=True).stdout
        b = subprocess.run([old, "league", "--data", data] + v, capture_output=True, check=True).stdout
        if a != b:
            differ.append(" ".join(v))
    return differ


def fit(xs, ys):
    """Least squares: (intercept, slope)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    var = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var if var else 0.0
    return my - slope * mx, slope


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--scales", default="1,5,10",
                    help="comma-separated multiples of the reference (1,000 footprints x 50 organisations)")
    ap.add_argument("--footprints", type=int, default=None, help="one other size instead of --scales")
    ap.add_argument("--orgs", type=int, default=50)
    ap.add_argument("--scale", type=int, default=None, help="one scale (the same as --scales S)")
    ap.add_argument("--pandas", action="store_true", help="time pandas too (slow at large scales)")
    ap.add_argument("--keys", type=int, default=200, help="key presses per kind in bench-ui")
    ap.add_argument("--compare-with", default=None,
                    help="another stpdash binary: its league output must be byte-identical at every scale")
    args = ap.parse_args()
    if args.footprints is not None:
        sizes_asked = [(args.footprints, args.orgs)]
    else:
        scales = [args.scale] if args.scale is not None else [int(x) for x in args.scales.split(",")]
        sizes_asked = [(1000 * s, 50) for s in scales]
    os.makedirs(WORK, exist_ok=True)

    # The Swift runtime linked in: it starts a few milliseconds sooner (no
    # runtime libraries to load and bind), as scripts/install builds it.
    sh(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "stpdash"], cwd=ROOT)
    if not os.path.exists(PY):
        sh([sys.executable, "-m", "venv", VENV])
    if subprocess.run([PY, "-c", "import duckdb, polars, pandas, duckdb_cli"], capture_output=True).returncode != 0:
        sh([PY, "-m", "pip", "install", "-q", "duckdb", "duckdb-cli", "polars", "pandas"])
    versions = output([PY, "-c", "import duckdb, polars, pandas, sys; print(duckdb.__version__, polars.__version__, "
                              "pandas.__version__, sys.version.split()[0])"]).split()
    shell = shell_binary()
    shell_version = output([shell, "--version"]).split()[0]
    floor = measure(["/bin/true"])[1]

    print(f"Machine: {os.cpu_count()} CPUs, {platform.machine()}, Linux {platform.release()}; Python {versions[3]}, "
          f"DuckDB {versions[0]} (shell {shell_version}, run directly), polars {versions[1]}, pandas {versions[2]}")
    print(f"Rounds: {args.rounds} at each size, tools interleaved in a shuffled order each round; medians below")
    print(f"Peak memory floor (what /bin/true reports when spawned from this script): {floor:.0f} MiB")
    curve = {}
    checks = []
    for footprints, orgs in sizes_asked:
        data, sizes, finance_rows = dataset(args, footprints, orgs)
        mb = sum(sizes.values()) / 1e6
        tools = tools_for(data, args, shell)
        print(f"checking that every tool computes the same league ({footprints} x {orgs}):", file=sys.stderr)
        ours = league_rows(output(tools["STPDash"]),
                           ["code", "name", "region", "members", "do_nothing_2020_21_gbp_m", "plan_2020_21_gbp_m",
                            "aligned_pct"])
        cols = ["code", "name", "region", "members", "do_nothing", "plan", "aligned_pct"]
        for name in [n for n in tools if n != "STPDash"]:
            agree(name, ours, league_rows(output(tools[name]), cols))
        differ = identical(args.compare_with, data) if args.compare_with else None

        for cmd in tools.values():  # warm the page cache and the binaries
            measure(cmd)
        results = {name: [] for name in tools}
        for r in range(args.rounds):
            order = list(tools)
            random.Random(r * 7919 + footprints).shuffle(order)
            for name in order:
                results[name].append(measure(tools[name]))
            print(f"  {footprints} x {orgs}: round {r + 1}/{args.rounds}", file=sys.stderr)
        keys = output([STPDASH, "bench-ui", "--keys", str(args.keys), "--data", data]).strip().splitlines()

        med = {n: statistics.median(w for w, _, _, _ in v) for n, v in results.items()}
        low = {n: min(w for w, _, _, _ in v) for n, v in results.items()}
        mem = {n: statistics.median(m for _, m, _, _ in v) for n, v in results.items()}
        cpu = {n: statistics.median(u + s for _, _, u, s in v) for n, v in results.items()}
        for n in tools:
            curve.setdefault(n, []).append((mb, med[n] * 1000, mem[n]))

        print()
        print(f"### {footprints:,} x {orgs}: {finance_rows:,} finance rows, {mb:.1f} MB in {len(sizes)} files "
              f"(finance.csv {sizes['finance.csv'] / 1e6:.1f} MB)")
        print()
        print("| tool | wall median | wall best | CPU (user+sys) | peak memory | STPDash time ratio | "
              "STPDash memory ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for n in tools:
            print(f"| {n} | {med[n] * 1000:.0f} ms | {low[n] * 1000:.0f} ms | {cpu[n] * 1000:.0f} ms | "
                  f"{mem[n]:.0f} MiB | {med['STPDash'] / med[n]:.2f} | {mem['STPDash'] / mem[n]:.2f} |")
        print()
        print("```text")
        for line in keys:
            print(line)
        print("```")
        if differ is not None:
            print(f"league output against {args.compare_with}: "
                  + ("byte-identical in every format and setting" if not differ else "DIFFERS: " + "; ".join(differ)))
        scale = footprints / 1000 if orgs == 50 else None
        shell_t, shell_m = med["DuckDB (shell)"], mem["DuckDB (shell)"]
        if scale == 10:
            checks.append((f"{scale:g}x: league wall time at most 1/3 of the DuckDB shell's",
                           med["STPDash"] <= shell_t / 3, f"{med['STPDash'] / shell_t:.2f}"))
            checks.append((f"{scale:g}x: peak memory at most 1/2 of the DuckDB shell's",
                           mem["STPDash"] <= shell_m / 2, f"{mem['STPDash']:.0f} vs {shell_m:.0f} MiB: "
                                                          f"{mem['STPDash'] / shell_m:.2f}"))
        if scale == 20:
            checks.append((f"{scale:g}x: peak memory below the DuckDB shell's", mem["STPDash"] < shell_m,
                           f"{mem['STPDash']:.0f} vs {shell_m:.0f} MiB"))
        # Every key kind the targets name; the as-of keys (the data again for another day) have none.
        timed = [l for l in keys if "median" in l and not l.startswith("as of")]
        if scale == 5:
            worst = max(float(l.split("median ")[1].split(" ms")[0]) for l in timed)
            checks.append(("5x: every key kind under 5 ms of CPU, median", worst < 5, f"dearest {worst:.2f} ms"))
        if scale == 1:
            worst = max(float(l.split("95th ")[1].split(" ms")[0]) for l in timed)
            checks.append(("1x: every key kind under 5 ms of CPU at the 95th percentile", worst < 5,
                           f"dearest {worst:.2f} ms"))
        if differ:
            checks.append((f"{footprints} x {orgs}: output byte-identical", False, "; ".join(differ)))

    if len(sizes_asked) > 1:
        print()
        print("### The curve: a straight line through the medians (least squares over the sizes)")
        print()
        print("| tool | time: fixed + per MB | memory: fixed + per MB | " +
              " | ".join(f"{mb:.0f} MB: time, memory" for mb, _, _ in curve["STPDash"]) + " |")
        print("|---|---:|---:|" + "---:|" * len(curve["STPDash"]))
        for n, pts in curve.items():
            t0, t1 = fit([p[0] for p in pts], [p[1] for p in pts])
            m0, m1 = fit([p[0] for p in pts], [p[2] for p in pts])
            cells = " | ".join(f"{t:.0f} ms, {m:.0f} MiB" for _, t, m in pts)
            print(f"| {n} | {t0:.0f} ms + {t1:.2f} ms/MB | {m0:.0f} MiB + {m1:.3f} MiB/MB | {cells} |")
    print()
    for name, ok, figure in checks:
        print(f"- {'met' if ok else 'NOT met'}: {name} ({figure})")


if __name__ == "__main__":
    main()
