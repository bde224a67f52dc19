#!/usr/bin/env python3
"""Builds sample-data/*.csv from the reference files in sample-data/reference/.

Structure (footprints, CCGs, councils, acute trusts, memberships and shares),
leaders, ratings, 41 do-nothing gaps for 2020/21 (with their caveats), 37 ONS
populations, DHSC loans per trust and the hex map come from the reference
files, each with its source. The rest of the money (earlier years, plans,
outturns, the members' split) and most stances are ILLUSTRATIVE: made up
deterministically (same output on every run), scaled to the reported figures,
and written with basis=illustrative. The reference files are copied from the
research folder (../shared/data-ref) when it is there.

Run from the repository root:  python3 scripts/make-sample-data.py
"""

import collections
import csv
import hashlib
import re
import json
import os
import shutil
import sys

import sample_disputes as disputes  # beside this script: the disputes, their dates, the sourced stances

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "sample-data", "reference")
OUT = os.path.join(ROOT, "sample-data")

RESEARCH = os.path.join(os.path.dirname(ROOT), "shared", "data-ref")
# Files copied from the research folder into sample-data/reference/ (name there, name here).
COPIED = [
    ("derived/stp_do_nothing_gap_2020_21_sourced.csv", "stp_do_nothing_gap_2020_21_sourced.csv"),
    ("derived/stp_leaders_march2016.csv", "stp_leaders_march2016.csv"),
    ("derived/stp17_population_mid2019.csv", "stp17_population_mid2019.csv"),
    ("derived/stp_population_quoted.csv", "stp_population_quoted.csv"),
    ("derived/trust_dhsc_loans_closing_balance_2016_17_to_2018_19.csv",
     "trust_dhsc_loans_closing_balance_2016_17_to_2018_19.csv"),
    ("derived/stp17_hexmap_44.hexjson", "stp17_hexmap_44.hexjson"),
    ("original/odileeds_hexmaps/LICENSE", "odileeds_hexmaps_LICENSE"),
    ("derived/stp_reconfiguration_proposals.csv", "stp_reconfiguration_proposals.csv"),
    ("derived/stp_reconfiguration_referrals.csv", "stp_reconfiguration_referrals.csv"),
    ("derived/stp_org_stance.csv", "stp_org_stance.csv"),
    ("derived/stf_control_totals_trust.csv", "stf_control_totals_trust.csv"),
    ("derived/stf_control_totals_national_stp.csv", "stf_control_totals_national_stp.csv"),
    ("derived/stp_designations_2017_2020.csv", "stp_designations_2017_2020.csv"),
    ("derived/stp_ratings_july2017_v2.csv", "stp_ratings_july2017_v2.csv"),
    ("derived/stp_gaps_missing_and_conflicts.csv", "stp_gaps_missing_and_conflicts.csv"),
    ("derived/stp_leaders_additions.csv", "stp_leaders_additions.csv"),
]

SEED = "stpdash-sample-v1"
RATING_DAY = "2017-07-21"  # NHS England's STP progress dashboard (baseline), published 21 July 2017
REPORTED_STATUSES = {"ok", "unclear", "draft", "conflicting", "suspect"}
LOANS = "dhsc_loans_closing_balance"
LOANS_SOURCE = ("BBC Shared Data Unit, BBC-Data-Unit/hospital-loans (commit d6002c7c), IRSL (TOTAL) sheet of {file}; "
                "underlying data DHSC Section 40 reports, OGL v3.0")
ONS_POP = "CCG population estimates summed to the footprint (odileeds/covid-19 STP-populations-2019.csv, OGL)"
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


def copy_reference():
    """Refreshes reference/ from the research folder, when it is there."""
    if not os.path.isdir(RESEARCH):
        return
    for src, dst in COPIED:
        shutil.copyfile(os.path.join(RESEARCH, src), os.path.join(REF, dst))


def main():
    copy_reference()
    fps = read("stp_footprints_44_assembled.csv")
    gaps = {r["stp17cd"]: r for r in read("stp_do_nothing_gap_2020_21_sourced.csv")}
    leaders = {r["stp17cd"]: r for r in read("stp_leaders_march2016.csv")}
    for r in read("stp_leaders_additions.csv"):
        # Leaders of 2016 the first round lacked (and a role it lacked); later leaders are not the plan's.
        lead = leaders.setdefault(r["stp17cd"], {})
        new = r["status"].startswith("new") or (r["status"].startswith("role added") and not lead.get("role"))
        if not new or (lead.get("leader") and not r["status"].startswith("role added")):
            continue
        uncertain = " (date uncertain: " + r["as_of"] + ")" if "uncertain" in r["status"] else ""
        lead.update(leader=r["person"], role=r["role_as_published"] + uncertain,
                    source_url=f"{r['source_type']}: {r['source_url']}")
    ons_pop = {r["stp17cd"]: r for r in read("stp17_population_mid2019.csv")}
    quoted_pop = {}
    for r in read("stp_population_quoted.csv"):
        quoted_pop.setdefault(r["stp17cd"], r)
    loans = read("trust_dhsc_loans_closing_balance_2016_17_to_2018_19.csv")
    with open(os.path.join(REF, "stp17_hexmap_44.hexjson"), encoding="utf-8") as f:
        hexes = json.load(f)["hexes"]
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
    pop_basis = {c: "illustrative" for c in codes}
    pop_note = {c: "illustrative estimate: LSOA count x (44 x 1.2m / 32,844 LSOAs), average from BMJ 2017;356:j1541"
                for c in codes}
    for c in codes:
        ons = ons_pop.get(c, {}).get("population_mid2019", "")
        quoted = quoted_pop.get(c)
        if ons:
            population[c] = int(ons)
            pop_basis[c] = "reported"
            pop_note[c] = "ONS mid-2019, not 2016: " + ONS_POP
        elif quoted and any(ch.isdigit() for ch in quoted["population_as_stated"]):
            text = quoted["population_as_stated"]
            number = text.split("(")[0].replace("~", "").replace(",", "").strip()
            value = float(number.split()[0]) * (1e6 if "million" in number else 1)
            population[c] = int(round(value))
            pop_basis[c] = "reported"
            pop_note[c] = (f"as stated, rounded: \"{text}\" ({quoted['source_url']}); "
                           f"no ONS figure: {ons_pop.get(c, {}).get('note', '')}")

    # --- Do-nothing gap 2020/21 per footprint, £m: reported where the research
    # found one usable (status ok, unclear, draft, conflicting, suspect: the
    # status and caveat go with it); otherwise illustrative, from the median
    # reported gap per head, with the reason.
    gap_basis, gap_source, gap_note = {}, {}, {}
    gap2021 = {}
    for c in codes:
        g = gaps[c]
        if g["status"] in REPORTED_STATUSES and g["do_nothing_gap_2020_21_gbp_m"]:
            gap2021[c] = float(g["do_nothing_gap_2020_21_gbp_m"])
            gap_basis[c] = "reported"
            gap_source[c] = f"{g['source_kind']}: {g['source_url']}"
            note = g["status"] if g["status"] != "ok" else ""
            if g["caveat"]:
                note = (note + ": " if note else "") + g["caveat"]
            gap_note[c] = note
    # Gaps the second research round found where the first had none (a
    # "found" row), with the conflicting figure as the caveat.
    more = read("stp_gaps_missing_and_conflicts.csv")
    for r in more:
        c = r["stp17cd"]
        if c in gap2021 or not r["status"].startswith("found"):
            continue
        gap2021[c] = float(r["value_gbp_m"])
        gap_basis[c] = "reported"
        gap_source[c] = f"{disputes.source_kind(r['source_type'])}: {r['source_url']}"
        others = [f"£{o['value_gbp_m']}m ({o['year_basis']}; {o['source_url']})" for o in more
                  if o["stp17cd"] == c and o["status"].startswith("conflicting")]
        gap_note[c] = disputes.join(f"{r['status']}: {r['note']}", "conflicting: " + "; ".join(others) if others else "")
    reported_heads = sorted(gap2021[c] * 1e6 / population[c] for c in gap2021 if pop_basis[c] == "reported")
    median_head = reported_heads[len(reported_heads) // 2]
    for c in codes:
        if c in gap2021:
            continue
        g = gaps[c]
        gap2021[c] = median_head * population[c] / 1e6
        gap_basis[c] = "illustrative"
        gap_source[c] = g["source_url"]
        reason = g["caveat"] or g["status"]
        if g["status"] == "cumulative":
            reason = f"reported {g['do_nothing_gap_2020_21_gbp_m']} is {g['caveat']}"
        weak = [f"a {o['source_type']} says £{o['value_gbp_m']}m ({o['status']}; not used)" for o in more
                if o["stp17cd"] == c and o["compares_with_data_ref"].startswith("fills not_found (weak)")]
        gap_note[c] = disputes.join(f"{g['status']}: {reason}; illustrative: median reported gap per head "
                                    f"(£{median_head:.2f}) x population", *weak)
    per_head = {c: gap2021[c] * 1e6 / population[c] for c in codes}

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
            finance.append((org, year, "do_nothing", money(v_dn[org]), "illustrative", "", ""))
            finance.append((org, year, "plan", money(plan), "illustrative", "", ""))
            finance.append((org, year, "outturn", money(out), "illustrative", "", ""))
    # Each footprint's own 2020/21 do-nothing gap, reported or not, with its
    # source and caveat (the members' illustrative split adds up to it).
    for c in codes:
        finance.append((c, "2020/21", "do_nothing", money(gap2021[c]), gap_basis[c], gap_source[c], gap_note[c]))
    finance.append(("E54000005", "2020/21", "plan", "87.0", "reported",
                    "Campaign blog (Oct 2016): the STP can only cut costs by £983m, leaving £87m of the £1,070m. "
                    + WY_BLOG, "secondary source"))

    # --- Stances: every sourced one (stp_org_stance.csv) replaces the
    # illustrative one for that body and footprint; the rest are illustrative.
    alignment = []
    dist = {
        "council": [("aligned", 0.35), ("conditional", 0.35), ("dissenting", 0.15), ("refused", 0.05)],
        "nhs": [("aligned", 0.74), ("conditional", 0.14), ("dissenting", 0.05), ("refused", 0.02)],
    }
    counts = collections.Counter()
    member_pairs = {(o, f) for o, f, _, _ in members}
    sourced, fp_notes = disputes.stances(read("stp_org_stance.csv"), orgs, member_pairs, counts)
    for org, fp, share, l in members:
        if (org, fp) in sourced:
            alignment.append(sourced[(org, fp)])
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
            alignment.append((org, fp, earlier, "2016-10-21", "", "illustrative", "illustrative", "", ""))
            alignment.append((org, fp, stance, "2017-03-31", "", "illustrative", "illustrative", "", ""))
        else:
            alignment.append((org, fp, stance, "", "", "illustrative", "illustrative", "", ""))

    # --- Write.
    ratings = {r["stp17cd"]: r for r in read("stp_ratings_july2017_v2.csv")}
    fp_rows = []
    for f in fps:
        c = f["stp17cd"]
        rating, rating_note, rating_source = f["progress_rating_jul2017"], "", f["rating_source"]
        v2 = ratings.get(c, {})
        if not rating and v2.get("overall_rating_jul2017") and v2["status"] == "inferred":
            rating, rating_note, rating_source = v2["overall_rating_jul2017"], v2["note"], v2["source_urls"]
        lead = leaders.get(c, {})
        leader = lead.get("leader", "")
        role = lead.get("role", "") if leader else (lead.get("note", "") or lead.get("role", ""))
        sources = [f"name, region: ONS CCG to STP and CCG to NHS region lookups (April 2017), OGL v3.0"]
        if lead.get("source_url"):
            sources.append("leader: " + lead["source_url"])
        if rating_source:
            sources.append("rating: " + rating_source)
        sources.append("population: " + pop_note[c])
        fp_rows.append((c, f["stp17nm_ons_apr2017"], f["region_short"], leader, role, population[c],
                        pop_basis[c], rating, "; ".join(sources),
                        pop_note[c] if pop_basis[c] == "reported" else "",
                        RATING_DAY if rating else "", rating_note))
    write("footprints.csv", ["code", "name", "region", "leader", "leader_role", "population",
                             "population_basis", "rating", "source", "note", "rating_as_of", "rating_note"], fp_rows)
    write("organisations.csv", ["code", "name", "kind", "source"], orgs)
    write("memberships.csv", ["org", "footprint", "share"],
          [(o, f, f"{s:.4f}".rstrip("0").rstrip(".")) for o, f, s, l in members])
    write("finance.csv", ["entity", "year", "scenario", "gbp_m", "basis", "source", "note"], finance)

    # DHSC loans per trust: the first indicator. Trusts not among the
    # organisations (mental health, community, ambulance, merged) are left out.
    # A trust may have several rows in a year's sheet (loans under an older
    # name): they add up (the sheet's rows sum to England's published totals).
    known = {o[0] for o in orgs}
    indicators = []
    left_out = set()
    summed = {}
    for r in loans:
        if r["org_code"] not in known:
            left_out.add(r["org_code"])
            continue
        key = (r["org_code"], r["year"])
        entry = summed.setdefault(key, [0.0, [], r["source_file"]])
        entry[0] += float(r["closing_balance_gbp_m"])
        entry[1].append(r["org_name"])
    for (code, year), (value, names, file) in summed.items():
        source = LOANS_SOURCE.format(file=file)
        if len(names) > 1:
            source += f"; the sum of {len(names)} rows ({'; '.join(names)})"
        indicators.append((code, year, LOANS, f"{value:.3f}".rstrip("0").rstrip("."), "gbp_m", "reported", source,
                           "", ""))
    loans_rows = len(indicators)
    indicators += disputes.control_totals(read("stf_control_totals_trust.csv"), known, counts)
    write("indicators.csv", ["entity", "year", "indicator", "value", "unit", "basis", "source", "note", "as_of"],
          indicators)

    # The hex map (odd-r layout, row 1 at the south), MIT, Open Innovations.
    # Labels that read as another footprint's are spelt out (NOR is Northamptonshire, not Norfolk).
    relabel = {"NOR": "NHTS"}
    hex_rows = sorted((c, h["q"], h["r"], relabel.get(h["short"], h["short"])) for c, h in hexes.items())
    write("hexmap.csv", ["code", "q", "r", "label"], hex_rows)
    write("alignment.csv", ["org", "footprint", "stance", "as_of", "note", "source", "basis", "caveat",
                            "source_kind"], alignment)

    # --- The disputes: changes, referrals, designations, notes; control totals as indicators.
    org_codes = {o[0] for o in orgs}
    change_rows, change_ids = disputes.changes(read("stp_reconfiguration_proposals.csv"), org_codes)
    write("changes.csv", ["id", "footprint", "site", "org", "service", "change", "proposed", "status",
                          "status_date", "source_kind", "source", "quote", "note"], change_rows)
    referral_rows = disputes.referrals(read("stp_reconfiguration_referrals.csv"), change_ids)
    write("referrals.csv", ["id", "change", "footprint", "site", "service", "referred_by", "referred", "action",
                            "action_date", "advice", "advice_date", "outcome", "outcome_date", "source_kind",
                            "source", "quote", "note"], referral_rows)
    write("designations.csv", ["footprint", "designation", "date", "note", "source_kind", "source", "quote"],
          disputes.designations(read("stp_designations_2017_2020.csv")))
    write("footprint_notes.csv", ["footprint", "date", "note", "source_kind", "source", "quote", "caveat"],
          fp_notes)

    counts.update({
        "do-nothing 2020/21 reported": sum(1 for c in codes if gap_basis[c] == "reported"),
        "of which with a caveat": sum(1 for c in codes if gap_basis[c] == "reported" and gap_note[c]),
        "illustrative": sum(1 for c in codes if gap_basis[c] == "illustrative"),
        "populations reported": sum(1 for c in codes if pop_basis[c] == "reported"),
        "loans rows": loans_rows, "loans trusts left out": len(left_out),
        "leaders named": sum(1 for r in fp_rows if r[3]),
        "changes": len(change_rows), "changes' footprints": len({r[1] for r in change_rows}),
        "referrals (rows)": len(referral_rows), "referrals with a referral date": sum(1 for r in referral_rows if r[6]),
        "footprint notes": len(fp_notes),
    })
    for k, v in counts.items():
        print(f"{k}: {v}", file=sys.stderr)
    total = sum(gap2021.values())
    print(f"footprints {len(fp_rows)}, organisations {len(orgs)}, memberships {len(members)}, "
          f"finance rows {len(finance)}, stance rows {len(alignment)}", file=sys.stderr)
    print(f"do-nothing 2020/21 total £{total:,.0f}m; per head £{min(per_head.values()):.2f}"
          f"–£{max(per_head.values()):.2f}; population {sum(population.values()):,}", file=sys.stderr)


if __name__ == "__main__":
    main()
