"""The STPDash league computed by DuckDB: per footprint, name, region, member
count, do-nothing and plan 2020/21 (the footprint's own rows), share of members
aligned; sorted by do-nothing descending. Prints CSV to standard output."""
import sys

import duckdb

d = sys.argv[1]
con = duckdb.connect()
con.sql(f"""
WITH fp AS (SELECT code, name, region FROM read_csv('{d}/footprints.csv', header = true)),
members AS (
  SELECT footprint, count(*) AS members FROM read_csv('{d}/memberships.csv', header = true) GROUP BY footprint),
aligned AS (
  SELECT a.footprint, sum(CASE WHEN a.stance = 'aligned' THEN 1 ELSE 0 END) AS aligned
  FROM read_csv('{d}/alignment.csv', header = true) a GROUP BY a.footprint),
fin AS (
  SELECT entity,
         max(CASE WHEN scenario = 'do_nothing' THEN gbp_m END) AS do_nothing,
         max(CASE WHEN scenario = 'plan' THEN gbp_m END) AS plan
  FROM read_csv('{d}/finance.csv', header = true, types = {{'gbp_m': 'DOUBLE'}})
  WHERE year = '2020/21' GROUP BY entity)
SELECT fp.code, fp.name, fp.region, m.members, fin.do_nothing, fin.plan,
       round(100.0 * coalesce(al.aligned, 0) / m.members, 2) AS aligned_pct
FROM fp JOIN members m ON m.footprint = fp.code
LEFT JOIN fin ON fin.entity = fp.code
LEFT JOIN aligned al ON al.footprint = fp.code
ORDER BY fin.do_nothing DESC NULLS LAST, fp.name
""").write_csv("/dev/stdout")
