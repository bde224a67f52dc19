"""The STPDash league computed by pandas (same columns and order as league_duckdb.py)."""
import sys

import pandas as pd

d = sys.argv[1]
fp = pd.read_csv(f"{d}/footprints.csv", usecols=["code", "name", "region"])
members = pd.read_csv(f"{d}/memberships.csv", usecols=["footprint"]).groupby("footprint").size().rename("members")
al = pd.read_csv(f"{d}/alignment.csv", usecols=["footprint", "stance"])
aligned = (al["stance"] == "aligned").groupby(al["footprint"]).sum().rename("aligned")
fin = pd.read_csv(f"{d}/finance.csv", usecols=["entity", "year", "scenario", "gbp_m"])
fin = fin[fin["year"] == "2020/21"].pivot_table(index="entity", columns="scenario", values="gbp_m", aggfunc="max")
out = fp.join(members, on="code").join(fin[["do_nothing", "plan"]], on="code").join(aligned, on="code")
out["aligned_pct"] = (100 * out["aligned"].fillna(0) / out["members"]).round(2)
out = out.sort_values(["do_nothing", "name"], ascending=[False, True], na_position="last")
out[["code", "name", "region", "members", "do_nothing", "plan", "aligned_pct"]].to_csv(sys.stdout, index=False)
