#!/usr/bin/env python3
"""STPDash at national scale, measured against DuckDB and pandas.

Builds STPDash (release), generates the reference dataset (1,000 footprints x
50 organisations, deterministic), installs DuckDB, the DuckDB CLI and pandas
from PyPI into bench-work/venv, checks that every tool computes the same
league, then times each tool as a whole process, interleaved round by round
so that a slow moment of the machine hits every tool alike. Prints a table
(median wall time, peak memory, STPDash's ratio to each) and the targets.

Run from anywhere:  scripts/benchmark  [--rounds N] [--scale S | --footprints N --orgs K] [--no-pandas]
(--scale 5 is 5,000 footprints x 50 organisations, about 4.6 million finance rows.)
Not part of the test suite (it takes a few minutes and needs PyPI).
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--footprints", type=int, default=1000)
    ap.add_argument("--orgs", type=int, default=50)
    ap.add_argument("--scale", type=int, default=None,
                    help="the reference size times S: 1000*S footprints of 50 organisations")
    ap.add_argument("--no-pandas", action="store_true", help="leave pandas out (it is slow at large scales)")
    args = ap.parse_args()
    if args.scale is not None:
        args.footprints, args.orgs = 1000 * args.scale, 50
    os.makedirs(WORK, exist_ok=True)

    # The Swift runtime linked in: it starts a few milliseconds sooner (no
    # runtime libraries to load and bind), as scripts/install builds it.
    sh(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "stpdash"], cwd=ROOT)
    data = os.path.join(WORK, f"data-{args.footprints}x{args.orgs}")
    if not os.path.exists(os.path.join(data, "alignment.csv")):
        sh([STPDASH, "synth", "--footprints", str(args.footprints), "--orgs", str(args.orgs), "--seed", "1",
            "--out", data])
    sizes = {f: os.path.getsize(os.path.join(data, f)) for f in sorted(os.listdir(data)) if f.endswith(".csv")}
    with open(os.path.join(data, "finance.csv"), "rb") as f:
        finance_rows = sum(1 for _ in f) - 1

    if not os.path.exists(PY):
        sh([sys.executable, "-m", "venv", VENV])
    if subprocess.run([PY, "-c", "import duckdb, pandas"], capture_output=True).returncode != 0 or \
            not os.path.exists(os.path.join(VENV, "bin", "duckdb")):
        sh([PY, "-m", "pip", "install", "-q", "duckdb", "pandas", "duckdb-cli"])
    versions = output([PY, "-c", "import duckdb, pandas, sys; print(duckdb.__version__, pandas.__version__, "
                              "sys.version.split()[0])"]).split()

    cli_version = output([os.path.join(VENV, "bin", "duckdb"), "--version"]).split()[0]
    sql = open(os.path.join(ROOT, "scripts", "bench", "league_duckdb.py")).read()
    start = sql.index('con.sql(f"""') + len('con.sql(f"""')
    query = sql[start:sql.index('""").write_csv')].replace("{{", "{").replace("}}", "}")
    query = query.replace("{d}", data)
    sql_file = os.path.join(WORK, "league.sql")
    with open(sql_file, "w") as f:
        f.write("COPY (" + query.strip() + ") TO '/dev/stdout' (HEADER, DELIMITER ',');\n")

    tools = {
        "STPDash": [STPDASH, "league", "--format", "csv", "--data", data],
        "DuckDB (Python)": [PY, os.path.join(ROOT, "scripts", "bench", "league_duckdb.py"), data],
        "DuckDB (CLI)": [os.path.join(VENV, "bin", "duckdb"), "-c", f".read {sql_file}"],
        "pandas": [PY, os.path.join(ROOT, "scripts", "bench", "league_pandas.py"), data],
    }
    if args.no_pandas:
        del tools["pandas"]

    print("checking that every tool computes the same league:", file=sys.stderr)
    ours = league_rows(output(tools["STPDash"]),
                       ["code", "name", "region", "members", "do_nothing_2020_21_gbp_m", "plan_2020_21_gbp_m",
                        "aligned_pct"])
    cols = ["code", "name", "region", "members", "do_nothing", "plan", "aligned_pct"]
    for name in [n for n in tools if n != "STPDash"]:
        agree(name, ours, league_rows(output(tools[name]), cols))

    # Warm the page cache and the binaries, then interleave.
    for cmd in tools.values():
        measure(cmd)
    results = {name: [] for name in tools}
    for r in range(args.rounds):
        order = list(tools)
        random.Random(r).shuffle(order)
        for name in order:
            results[name].append(measure(tools[name]))
        print(f"  round {r + 1}/{args.rounds}", file=sys.stderr)

    sample = os.path.join(ROOT, "sample-data")
    sample_runs = [measure([STPDASH, "league", "--data", sample])[0] for _ in range(30)]
    frame_runs = [measure([STPDASH, "bench-ui", "--first-frame-only", "--data", data])[0] for _ in range(args.rounds)]
    keys = output([STPDASH, "bench-ui", "--data", data]).strip().splitlines()

    med = {n: statistics.median(w for w, _, _, _ in v) for n, v in results.items()}
    low = {n: min(w for w, _, _, _ in v) for n, v in results.items()}
    mem = {n: statistics.median(m for _, m, _, _ in v) for n, v in results.items()}
    cpu = {n: statistics.median(u + s for _, _, u, s in v) for n, v in results.items()}

    print()
    print(f"Machine: {os.cpu_count()} CPUs, {platform.machine()}, Linux {platform.release()}; "
          f"Python {versions[2]}, DuckDB {versions[0]} (CLI {cli_version}), pandas {versions[1]}")
    print(f"Dataset: {args.footprints} footprints x {args.orgs} organisations, {finance_rows:,} finance rows, "
          f"{sum(sizes.values()) / 1e6:.1f} MB in {len(sizes)} files (finance.csv {sizes['finance.csv'] / 1e6:.1f} MB)")
    print(f"Rounds: {args.rounds}, tools interleaved in a shuffled order each round; medians below")
    # A spawned child's peak counts the spawning process's memory before its
    # exec; /bin/true shows that floor. Every figure below is above it, so
    # each is the tool's own peak.
    floor = measure(["/bin/true"])[1]
    print(f"Peak memory floor (what /bin/true reports when spawned from this script): {floor:.0f} MiB")
    print()
    print("| tool | wall median | wall best | CPU (user+sys) | peak memory | STPDash time ratio | STPDash memory ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for n in tools:
        print(f"| {n} | {med[n] * 1000:.0f} ms | {low[n] * 1000:.0f} ms | {cpu[n] * 1000:.0f} ms | "
              f"{mem[n]:.0f} MiB | {med['STPDash'] / med[n]:.2f} | {mem['STPDash'] / mem[n]:.2f} |")
    print()
    print(f"sample-data `stpdash league` (table): median {statistics.median(sample_runs) * 1000:.1f} ms "
          f"(best {min(sample_runs) * 1000:.1f} ms, 30 runs)")
    print(f"first frame of the dashboard on the reference data (whole process, load + analyse + draw): "
          f"median {statistics.median(frame_runs) * 1000:.0f} ms")
    for line in keys:
        print(f"  {line}")
    print()
    checks = [
        ("league wall time at most 1/3 of DuckDB (Python)", med["STPDash"] <= med["DuckDB (Python)"] / 3,
         f"{med['STPDash'] / med['DuckDB (Python)']:.2f}"),
        ("league wall time at most 1/3 of DuckDB (CLI)", med["STPDash"] <= med["DuckDB (CLI)"] / 3,
         f"{med['STPDash'] / med['DuckDB (CLI)']:.2f}"),
        ("peak memory at most half of DuckDB's (Python)", mem["STPDash"] <= mem["DuckDB (Python)"] / 2,
         f"{mem['STPDash']:.0f} vs {mem['DuckDB (Python)']:.0f} MiB: {mem['STPDash'] / mem['DuckDB (Python)']:.2f}"),
        ("peak memory at most half of DuckDB's (CLI)", mem["STPDash"] <= mem["DuckDB (CLI)"] / 2,
         f"{mem['STPDash']:.0f} vs {mem['DuckDB (CLI)']:.0f} MiB: {mem['STPDash'] / mem['DuckDB (CLI)']:.2f}"),
        ("first frame under 0.5 s", statistics.median(frame_runs) < 0.5,
         f"{statistics.median(frame_runs) * 1000:.0f} ms"),
        ("each key press under 5 ms of CPU",
         all(float(l.split("max ")[1].split(" ms")[0]) < 5 for l in keys if "max " in l), "see the key lines"),
        ("sample-data league under 30 ms", statistics.median(sample_runs) < 0.030,
         f"{statistics.median(sample_runs) * 1000:.1f} ms"),
    ]
    for name, ok, figure in checks:
        print(f"- {'met' if ok else 'NOT met'}: {name} ({figure})")


if __name__ == "__main__":
    main()
