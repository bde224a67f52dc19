"""The STPDash league computed independently, with Python's standard library
only (no STPDash code, no DuckDB): per footprint, code, name, region, member
count, do-nothing and plan 2020/21 (the footprint's own rows where present,
otherwise the share-weighted sum of its members' rows), share of members
aligned (latest stance by as_of). Sorted by do-nothing descending (missing
last), then name. Prints CSV."""
import csv
import sys


def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


d = sys.argv[1]
fps = rows(f"{d}/footprints.csv")
members = {}
shares = {}
for m in rows(f"{d}/memberships.csv"):
    members.setdefault(m["footprint"], []).append(m["org"])
    shares[(m["org"], m["footprint"])] = float(m["share"]) if m.get("share") else 1.0
fin = {}
for r in rows(f"{d}/finance.csv"):
    if r["year"] == "2020/21":
        fin[(r["entity"], r["scenario"])] = float(r["gbp_m"]) if r["gbp_m"].strip() else None
stance = {}
for r in sorted(rows(f"{d}/alignment.csv"), key=lambda r: r.get("as_of") or ""):
    stance[(r["org"], r["footprint"])] = r["stance"]


def figure(code, scenario):
    if (code, scenario) in fin:
        return fin[(code, scenario)]
    known = [shares[(o, code)] * fin[(o, scenario)] for o in members.get(code, [])
             if fin.get((o, scenario)) is not None]
    return sum(known) if known else None


out = []
for f in fps:
    code = f["code"]
    ms = members.get(code, [])
    aligned = sum(1 for o in ms if stance.get((o, code)) == "aligned")
    out.append((code, f["name"], f["region"], len(ms), figure(code, "do_nothing"), figure(code, "plan"),
                round(100 * aligned / len(ms), 2) if ms else None))
out.sort(key=lambda r: (r[4] is None, -(r[4] or 0), r[1].lower(), r[0]))
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["code", "name", "region", "members", "do_nothing", "plan", "aligned_pct"])
for code, name, region, n, dn, plan, aligned in out:
    w.writerow([code, name, region, n] + ["" if v is None else round(v, 3) for v in (dn, plan)]
               + ["" if aligned is None else aligned])
