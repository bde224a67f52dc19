#!/usr/bin/env python3
"""Builds sample-data/*.csv from the reference files in sample-data/reference/.

Structure (footprints, CCGs, councils, acute trusts, memberships and shares),
leaders, ratings and the few published figures come from the reference
files, each with its source. Money, populations and most stances are
ILLUSTRATIVE: made up deterministically (same output on every run), calibrated
to the sourced national facts, and written with basis=illustrative.

Run from the repository root:  python3 scripts/make-sample-data.py
"""

import csv
import hashlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "sample-data", "reference")
OUT = os.path.join(ROOT, "sample-data")

SEED = "stpdash-sample-v1"
YEARS = ["2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21"]

# Sourced national facts (sample-data/reference/stp_facts_sourced.csv).
NATIONAL_GAP_2020_21 = 22000.0  # £m: FYFV £30bn gap less £8bn extra funding (digitalhealth.net, Oct 2016)
PER_HEAD_MIN = 216.15  # £ per head, IPPR STP-finder lowest (E54000045)
PER_HEAD_MAX = 768.50  # £ per head, IPPR STP-finder highest (E54000035)
AVERAGE_POPULATION = 1_200_000  # BMJ 2017;356:j1541 (Alderwick & Ham): average STP population
IPPR = "http://www.ippr.org/blog/stps-kill-or-cure"
WY_BLOG = ("https://calderdaleandkirklees999callforthenhs.wordpress.com/2016/10/29/"
           "heres-info-about-the-nhs-underfunding-in-your-sustainability-transformation-fund-footprint-area/")
NWL_NEWS = ("http://www.getwestlondon.co.uk/news/west-london-news/"
            "council-leader-fears-punishment-refusing-11804113")
NWL_REFUSAL = "https://nhsfunding.info/stps/plan-transform-nhs-lead-downgrade-major-london-hospitals"

ONS_CCG = ("ONS LSOA (2011) to CCG (Apr 2016) joined to LSOA to STP (Apr 2017), "
           "jtrim-ons/ons-lookups csv/211.csv + csv/143.csv; OGL v3.0")
ONS_LA = ("ONS LSOA to CCG to STP to LAD (Apr 2017) with LTLA to UTLA (Dec 2017), "
          "jtrim-ons/ons-lookups csv/143.csv + csv/178.csv; OGL v3.0")
HF_TRUSTS = "Health Foundation Trust-STP lookup 2017/18, HFAnalyticsLab/Winter_pressures; MIT"
COUNCIL_SHARE_FLOOR = 0.05  # smaller overlaps are boundary slivers, not membership


def unit(*key):
    """A number in [0, 1) fixed by the key: same on every machine and run."""
    h = hashlib.sha256("|".join([SEED] + [str(k) for k in key]).encode()).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def between(lo, hi, *key):
    return lo + (hi - lo) * unit(*key)


def read(name):
    with open(os.path.join(REF, name), newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def money(v):
    return "" if v is None else f"{v:.1f}"


def main():
    fps = read("stp_footprints_44_assembled.csv")
    ccgs = read("ccg16_to_stp17_via_lsoa_derived.csv")
    las = read("stp17_care_authorities_via_lsoa_derived.csv")
    trusts = read("hf_trust_stp_lookup_2017-18.csv")
    codes = [f["stp17cd"] for f in fps]

    # --- Populations (illustrative): LSOA count × (44 × 1.2m ÷ LSOAs in England).
    lsoas = {c: 0 for c in codes}
    for r in ccgs:
        lsoas[r["stp17cd"]] += int(r["lsoa_count_in_stp"])
    per_lsoa = AVERAGE_POPULATION * len(codes) / sum(lsoas.values())
    population = {c: int(round(lsoas[c] * per_lsoa, -3)) for c in codes}

    # --- Do-nothing gap 2020/21 per footprint, £m.
    reported_gap = {"E54000005": 1070.0, "E54000027": 1300.0}
    fixed_per_head = {"E54000045": PER_HEAD_MIN, "E54000035": PER_HEAD_MAX}
    per_head = {c: between(PER_HEAD_MIN, PER_HEAD_MAX, "per-head", c) for c in codes}
    per_head.update(fixed_per_head)
    for c, g in reported_gap.items():
        per_head[c] = g * 1e6 / population[c]
    free = [c for c in codes if c not in fixed_per_head and c not in reported_gap]
    for _ in range(50):  # scale the free footprints so England totals £22bn, within the IPPR range
        fixed_total = sum(per_head[c] * population[c] / 1e6 for c in codes if c not in free)
        free_total = sum(per_head[c] * population[c] / 1e6 for c in free)
        k = (NATIONAL_GAP_2020_21 - fixed_total) / free_total
        for c in free:
            per_head[c] = min(PER_HEAD_MAX - 1, max(PER_HEAD_MIN + 1, per_head[c] * k))
    gap2021 = {c: per_head[c] * population[c] / 1e6 for c in codes}

    # --- Footprint trajectories (illustrative shapes).
    growth = [0.15, 0.32, 0.50, 0.67, 0.84, 1.0]
    ramp = [0.0, 0.25, 0.5, 0.7, 0.85, 1.0]
    dn, sav, short = {}, {}, {}
    for c in codes:
        j = between(-0.05, 0.05, "growth", c)
        dn[c] = [gap2021[c] * min(1.0, g + (j if 0 < i < 5 else 0)) for i, g in enumerate(growth)]
        s2021 = between(0.78, 1.06, "savings", c)
        if c == "E54000005":
            s2021 = 983.0 / 1070.0  # "STP can only cut costs by £983m" (campaign blog)
        sav[c] = [dn[c][i] * s2021 * ramp[i] for i in range(6)]
        slip = between(0.2, 0.75, "slip", c)
        # Outturn: 2015/16 is the base year; 2020/21 is left empty (not known).
        short[c] = [0.0] + [sav[c][i] * min(1.0, slip + 0.05 * i) for i in range(1, 5)] + [None]

    # --- Organisations and memberships.
    orgs = []  # (code, name, kind, source)
    members = []  # (org, footprint, share)
    for r in ccgs:
        if not any(o[0] == r["ccg16cd"] for o in orgs):
            orgs.append((r["ccg16cd"], r["ccg16nm"], "ccg", ONS_CCG))
        members.append((r["ccg16cd"], r["stp17cd"], float(r["share_of_ccg_lsoas"]), int(r["lsoa_count_in_stp"])))
    for r in las:
        share = float(r["share_of_la_lsoas"])
        if share < COUNCIL_SHARE_FLOOR:
            continue
        if not any(o[0] == r["la_code"] for o in orgs):
            orgs.append((r["la_code"], r["la_name"], "council", ONS_LA))
        members.append((r["la_code"], r["stp17cd"], share, int(r["lsoa_count_in_stp"])))
    for r in trusts:
        orgs.append((r["code"], r["Trust"].strip(), "acute-trust", HF_TRUSTS))
        members.append((r["code"], r["STP_code"], 1.0, 0))
    kind = {o[0]: o[2] for o in orgs}

    # Weights: how much of a footprint's gap each member carries (illustrative).
    by_fp = {c: [] for c in codes}
    for org, fp, share, l in members:
        by_fp[fp].append((org, share, l))
    weight = {}
    for fp, ms in by_fp.items():
        part = {"ccg": 0.40, "acute-trust": 0.45, "council": 0.15}
        tot_l = {k: sum(l for o, s, l in ms if kind[o] == k) for k in part}
        n_trust = sum(1 for o, s, l in ms if kind[o] == "acute-trust")
        for org, share, l in ms:
            k = kind[org]
            if k == "acute-trust":
                w = part[k] / n_trust * between(0.6, 1.4, "trust-size", org)
            else:
                w = part[k] * l / tot_l[k] if tot_l[k] else 0.0
            weight[(org, fp)] = w
    save_mult = {o[0]: between(0.5, 1.5, "save-mult", o[0]) for o in orgs}
    slip_mult = {o[0]: between(0.5, 1.5, "slip-mult", o[0]) for o in orgs}
    shares = {}
    for org, fp, share, l in members:
        shares.setdefault(org, {})[fp] = share

    def allocate(total_by_fp, mult):
        """Whole-organisation values whose share-weighted sums hit each footprint total."""
        value = {}
        multi = [o for o in shares if len(shares[o]) > 1]
        for o in multi:
            contrib = 0.0
            for fp, share in shares[o].items():
                ms = by_fp[fp]
                wsum = sum(weight[(m, fp)] * mult[m] for m, s, l in ms)
                contrib += total_by_fp[fp] * weight[(o, fp)] * mult[o] / wsum
            value[o] = contrib / sum(shares[o].values())
        for fp, ms in by_fp.items():
            fixed = sum(shares[o][fp] * value[o] for o, s, l in ms if o in value)
            singles = [(o, s) for o, s, l in ms if o not in value]
            wsum = sum(weight[(o, fp)] * mult[o] for o, s in singles)
            for o, s in singles:
                value[o] = (total_by_fp[fp] - fixed) * weight[(o, fp)] * mult[o] / wsum / s
        return value

    ones = {o[0]: 1.0 for o in orgs}
    finance = []
    for i, year in enumerate(YEARS):
        v_dn = allocate({c: dn[c][i] for c in codes}, ones)
        v_sav = allocate({c: sav[c][i] for c in codes}, save_mult)
        v_short = None if short[codes[0]][i] is None else allocate({c: short[c][i] for c in codes}, slip_mult)
        for org, *_ in orgs:
            plan = v_dn[org] - v_sav[org]
            out = None if v_short is None else plan + v_short[org]
            finance.append((org, year, "do_nothing", money(v_dn[org]), "illustrative", ""))
            finance.append((org, year, "plan", money(plan), "illustrative", ""))
            finance.append((org, year, "outturn", money(out), "illustrative", ""))
    finance.append(("E54000005", "2020/21", "do_nothing", "1070.0", "reported",
                    "Campaign blog (Oct 2016): West Yorkshire & Harrogate underfunded by £1.07bn by 2020/21. "
                    "Secondary source. " + WY_BLOG))
    finance.append(("E54000005", "2020/21", "plan", "87.0", "reported",
                    "Same source: the STP can only cut costs by £983m, leaving £87m of the £1,070m. " + WY_BLOG))
    finance.append(("E54000027", "2020/21", "do_nothing", "1300.0", "reported",
                    "Local news: hospitals to lose 500 beds 'in a bid to close a £1.3bn ...' (excerpt truncated; "
                    "unconfirmed that it is the do-nothing gap). " + NWL_NEWS))

    # --- Stances: two sourced refusals, the rest illustrative.
    alignment = []
    dist = {
        "council": [("aligned", 0.35), ("conditional", 0.35), ("dissenting", 0.15), ("refused", 0.05)],
        "nhs": [("aligned", 0.74), ("conditional", 0.14), ("dissenting", 0.05), ("refused", 0.02)],
    }
    sourced = {
        ("E09000009", "E54000027"), ("E09000013", "E54000027"),
    }
    for org, fp, share, l in members:
        if (org, fp) in sourced:
            alignment.append((org, fp, "refused", "2016-08-26",
                              "Refused to sign the North West London STP, opposing the downgrade of Ealing "
                              "and Charing Cross hospitals (Guardian, 26 Aug 2016).",
                              NWL_REFUSAL, "reported"))
            continue
        cohesion = between(-0.15, 0.15, "cohesion", fp)
        u = unit("stance", org, fp)
        table = dist["council" if kind[org] == "council" else "nhs"]
        stance, acc = "unknown", 0.0
        for s, p in table:
            acc += p + (cohesion if s == "aligned" else -cohesion / 3)
            if u < acc:
                stance = s
                break
        if stance == "unknown":
            continue  # no row: the stance reads as unknown
        if unit("history", org, fp) < 0.12 and stance in ("aligned", "refused"):
            earlier = "conditional" if stance == "aligned" else "dissenting"
            alignment.append((org, fp, earlier, "2016-10-21", "", "illustrative", "illustrative"))
            alignment.append((org, fp, stance, "2017-03-31", "", "illustrative", "illustrative"))
        else:
            alignment.append((org, fp, stance, "", "", "illustrative", "illustrative"))

    # --- Write.
    fp_rows = []
    for f in fps:
        c = f["stp17cd"]
        leader = f["leader_march2016"]
        role = f["leader_role_march2016"] if leader else (
            'not confirmed ("TBC") in March 2016' if "TBC" in f["leader_role_march2016"] else "")
        sources = [f"name, region: ONS CCG to STP and CCG to NHS region lookups (April 2017), OGL v3.0"]
        if f["leader_source"]:
            sources.append("leader: " + f["leader_source"])
        if f["rating_source"]:
            sources.append("rating: " + f["rating_source"])
        sources.append("population: illustrative estimate, LSOA count x (44 x 1.2m / 32,844 LSOAs), "
                       "average from BMJ 2017;356:j1541")
        if c in fixed_per_head:
            sources.append(f"gap per head £{fixed_per_head[c]} from IPPR STP-finder ({IPPR})")
        fp_rows.append((c, f["stp17nm_ons_apr2017"], f["region_short"], leader, role, population[c],
                        "illustrative", f["progress_rating_jul2017"], "; ".join(sources)))
    write("footprints.csv", ["code", "name", "region", "leader", "leader_role", "population",
                             "population_basis", "rating", "source"], fp_rows)
    write("organisations.csv", ["code", "name", "kind", "source"], orgs)
    write("memberships.csv", ["org", "footprint", "share"],
          [(o, f, f"{s:.4f}".rstrip("0").rstrip(".")) for o, f, s, l in members])
    write("finance.csv", ["entity", "year", "scenario", "gbp_m", "basis", "source"], finance)
    write("alignment.csv", ["org", "footprint", "stance", "as_of", "note", "source", "basis"], alignment)

    total = sum(gap2021.values())
    print(f"footprints {len(fp_rows)}, organisations {len(orgs)}, memberships {len(members)}, "
          f"finance rows {len(finance)}, stance rows {len(alignment)}", file=sys.stderr)
    print(f"do-nothing 2020/21 total £{total:,.0f}m; per head £{min(per_head.values()):.2f}"
          f"–£{max(per_head.values()):.2f}; population {sum(population.values()):,}", file=sys.stderr)


if __name__ == "__main__":
    main()
