"""The STPDash league computed by polars, lazily (same columns and order as league_duckdb.py)."""
import sys

import polars as pl

d = sys.argv[1]
fp = pl.scan_csv(f"{d}/footprints.csv").select("code", "name", "region")
members = pl.scan_csv(f"{d}/memberships.csv").group_by("footprint").agg(pl.len().alias("members"))
aligned = (pl.scan_csv(f"{d}/alignment.csv").group_by("footprint")
           .agg((pl.col("stance") == "aligned").sum().alias("aligned")))
fin = (pl.scan_csv(f"{d}/finance.csv", schema_overrides={"gbp_m": pl.Float64})
       .filter(pl.col("year") == "2020/21")
       .group_by("entity")
       .agg(pl.col("gbp_m").filter(pl.col("scenario") == "do_nothing").max().alias("do_nothing"),
            pl.col("gbp_m").filter(pl.col("scenario") == "plan").max().alias("plan")))
out = (fp.join(members, left_on="code", right_on="footprint")
       .join(fin, left_on="code", right_on="entity", how="left")
       .join(aligned, left_on="code", right_on="footprint", how="left")
       .with_columns((100 * pl.col("aligned").fill_null(0) / pl.col("members")).round(2).alias("aligned_pct"))
       .sort(["do_nothing", "name"], descending=[True, False], nulls_last=True)
       .select("code", "name", "region", "members", "do_nothing", "plan", "aligned_pct"))
out.collect().write_csv(sys.stdout)
