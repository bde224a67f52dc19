"""The disputes for the sample data, from the research files in sample-data/reference/:
service changes and referrals, sourced stances (replacing illustrative ones), notes on
footprints for statements that name no single body, trusts' control-total decisions and
STF money as dated indicators, and designations. Nothing is guessed: a row that cannot be
placed on one body and one footprint becomes a footprint note, or is left out and counted.

Dates are kept as precisely as the source gives them (YYYY-MM-DD, YYYY-MM, YYYY or a
financial year YYYY/YY); the text as published goes into the note when it says more.
"""

import re

MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
PATTERNS = [  # (regex, precision rank: lower is more precise, builder)
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), 0, lambda m: f"{m[1]}-{m[2]}-{m[3]}"),
    (re.compile(r"(\d{4})-(\d{2})/(\d{2})(?!\d)"), 1, lambda m: f"{m[1]}-{m[3]}"),  # 2018-10/11: the later month
    (re.compile(r"(\d{4})-(\d{2})(?![\d-])"), 1, lambda m: f"{m[1]}-{m[2]}"),
    (re.compile(r"(\d{1,2}) " + MONTH + r" (\d{4})", re.I), 0,
     lambda m: f"{m[3]}-{MONTHS[m[2][:3].lower()]:02d}-{int(m[1]):02d}"),
    (re.compile(MONTH + r" (\d{4})", re.I), 1, lambda m: f"{m[2]}-{MONTHS[m[1][:3].lower()]:02d}"),
    (re.compile(r"start of (\d{4})/(\d{2})(?!\d)", re.I), 1, lambda m: f"{m[1]}-04"),
    (re.compile(r"(\d{4})/(\d{2})(?!\d)"), 2, lambda m: f"{m[1]}/{m[2]}"),
    (re.compile(r"(?<![\d/-])(\d{4})(?![\d-])"), 3, lambda m: m[1]),
]


def date_tokens(text):
    """Every date in a published date text, in the order written."""
    found = []
    for rx, rank, build in PATTERNS:
        for m in rx.finditer(text or ""):
            found.append((m.start(), m.end(), rank, build(m)))
    found.sort(key=lambda t: (t[0], t[2]))
    out, end = [], -1
    for start, stop, rank, value in found:
        if start < end:
            continue  # inside a match already taken
        out.append(value)
        end = stop
    return out


def first_date(text):
    t = date_tokens(text)
    return t[0] if t else ""


def last_date(text):
    t = date_tokens(text)
    return t[-1] if t else ""


def as_published(text, value):
    """A note saying how the source wrote a date, when it says more than the value."""
    text = (text or "").strip()
    return "" if not text or text == value else f"date as published: {text}"


def source_kind(text):
    """official, news, campaign or other: the first kind the source description names."""
    t = (text or "").lower()
    hits = [(t.find(k), k) for k in ("official", "news", "campaign") if k in t]
    if not hits:
        return "other"
    return min(hits)[1]


def source_of(title, url):
    title, url = (title or "").strip(), (url or "").strip()
    return f"{title}: {url}" if title and url else (title or url)


def join(*parts):
    return "; ".join(p for p in parts if p)


# Stances: the research's words -> the data contract's, and the caveat a campaign's word carries.
STANCES = {"refuse": "refused", "conditional": "conditional", "opposed_critical": "dissenting",
           "support": "aligned", "unknown": "unknown"}
CAMPAIGN_WORD = ("only a campaign blog's characterisation (listed among councils with \"negative responses\" "
                 "to their STP); the council's own words are not in the stored text")
# The names the research gives -> the sample's council names (ONS).
COUNCILS = {
    "Ealing Council": "Ealing", "Hammersmith & Fulham Council": "Hammersmith and Fulham",
    "Hackney Council (London Borough of Hackney)": "Hackney", "Lewisham Council": "Lewisham",
    "Barnet Council": "Barnet", "Shropshire Council": "Shropshire", "Telford & Wrekin Council": "Telford and Wrekin",
    "Sheffield City Council": "Sheffield", "Bristol City Council": "Bristol, City of",
    "Devon County Council": "Devon", "Isle of Wight Council": "Isle of Wight",
    "North Yorkshire County Council": "North Yorkshire", "Oxfordshire County Council": "Oxfordshire",
    "Redcar and Cleveland Borough Council": "Redcar and Cleveland",
    "Waltham Forest Borough Council": "Waltham Forest", "Warwickshire County Council": "Warwickshire",
    "West Sussex County Council Health and Wellbeing Board": "West Sussex", "Wirral Council": "Wirral",
    "Lincolnshire County Council": "Lincolnshire", "Surrey County Council": "Surrey", "Cornwall Council": "Cornwall",
}
SURREY_FOOTPRINTS = ["E54000033", "E54000034", "E54000035"]  # named in the decision itself


def stances(rows, orgs, members, counts):
    """Sourced stances keyed by (org, footprint), and notes for what names no single member body."""
    by_name = {name: code for code, name, kind, _ in orgs if kind == "council"}
    out, notes = {}, []
    for r in rows:
        word = r["stance"].split(" (")[0]
        kind = source_kind(r["source_type"])
        source = source_of(r["source_title"], r["source_url"])
        date_text = r["date"]
        date = first_date(date_text)
        if r["organisation"].startswith("Lincolnshire County Council") and "Lincolnshire: reported" in date_text:
            date = "2019-07"
        if word == "opposed_specific_proposal":
            counts["stance rows that are a referral of one change (in referrals.csv)"] += 1
            continue
        council = by_name.get(COUNCILS.get(r["organisation"], ""))
        footprints = [r["stp17cd"]] if r["stp17cd"] else []
        if council and not footprints and r["organisation"].startswith("Surrey"):
            footprints = SURREY_FOOTPRINTS
        detail = r["stance_detail"]
        if council is None or not footprints:
            # A group, a body that is not a member in this data, or no single footprint: a note.
            places = footprints or (sorted(fp for (o, fp) in members if o == council) if council else [])
            why = ("names no single body" if council is None and "x5" in r["org_type"] or "leaders" in r["organisation"]
                   else "not a member body in this data" if council is None
                   else "which footprint's plan is not stated")
            for fp in places:
                notes.append((fp, date, f"{r['organisation']}: {detail} ({why})", kind, source,
                              r["quote"], join(r["note"], as_published(date_text, date))))
            counts["stance rows shown as footprint notes"] += 1 if places else 0
            counts["stance rows left out (no footprint to show them on)"] += 0 if places else 1
            continue
        caveat = CAMPAIGN_WORD if "campaign characterisation" in r["stance"] else ""
        for fp in footprints:
            if (council, fp) not in members:
                counts["stance rows for a body that is not a member there"] += 1
                continue
            note = join(detail, r["note"], as_published(date_text, date))
            out[(council, fp)] = (council, fp, STANCES[word], date, note, source, "reported", caveat, kind)
            counts["sourced stances"] += 1
    return out, notes


def changes(rows, org_codes):
    """changes.csv rows, and each research row id's change id."""
    out, ids = [], {}
    for r in rows:
        cid = f"C{int(r['row_id']):02d}"
        ids[r["row_id"]] = cid
        codes = [c.strip() for c in r["trust_ods"].split(";") if c.strip()]
        org = codes[0] if len(codes) == 1 and codes[0] in org_codes else ""
        trusts = "" if org or not codes else f"trusts: {', '.join(codes)}"
        dates = date_tokens(r["status_date"])
        proposed = dates[0] if dates else ""
        status_date = dates[-1] if dates else ""
        note = join(r["note"], trusts, as_published(r["status_date"], status_date if len(dates) < 2 else ""))
        out.append((cid, r["stp17cd"], r["site"], org, r["service"], r["proposed_change"], proposed, r["status"],
                    status_date, source_kind(r["source_type"]), source_of(r["source_title"], r["source_url"]),
                    r["quote"], join(f"source as described: {r['source_type']}", note)))
    return out, ids


# Referrals -> the change they refer (research row ids), where it is the same change.
REFERRAL_CHANGE = {"1": "1", "2": "33", "3": "35", "4": "40", "5": "40", "6": "39", "7": "34", "8": "42",
                   "9": "44", "10": "6", "11": "37", "12": "12", "13": "15"}
NOT_A_REFERRAL = ("not referred", "considered")


def referrals(rows, change_ids):
    out = []
    for r in rows:
        text = r["referral_date"].strip()
        referred = "" if not text or text.lower().startswith(NOT_A_REFERRAL) else first_date(text)
        action = first_date(r["sos_action_date"])
        advice = first_date(r["irp_advice_date"])
        outcome = last_date(r["final_outcome_date"])
        published = [as_published(r[k], v) for k, v in
                     (("referral_date", referred), ("sos_action_date", action), ("irp_advice_date", advice),
                      ("final_outcome_date", outcome))]
        names = ["referred", "action", "advice", "outcome"]
        dates_note = "; ".join(f"{n} {p}" for n, p in zip(names, published) if p)
        kind_note = "" if referred else "a related decision, not a referral"
        change = change_ids.get(REFERRAL_CHANGE.get(r["row_id"], ""), "")
        out.append((f"R{int(r['row_id']):02d}", change, r["stp17cd"], r["site"], r["service"], r["referring_body"],
                    referred, r["sos_action"], action, r["irp_advice"], advice, r["final_outcome"], outcome,
                    referral_kind(r), r["source_urls"], r["key_quote"], join(kind_note, r["note"], dates_note)))
    return out


def url_kind(urls):
    """The kind of source a list of addresses is, read from the addresses themselves."""
    u = (urls or "").lower()
    if any(k in u for k in ("gov.uk", "nhs.uk", "parliament.uk")):
        return "official"
    if any(k in u for k in ("nhsfunding", "999", "wordpress", "stopthestps", "keepournhspublic", "blogspot")):
        return "campaign"
    return "news" if u else "other"


def referral_kind(r):
    """A referral's source: a campaign's or a councillor's blog when the note says so, else its addresses."""
    note = r["note"].lower()
    if "campaign" in note or "blog" in note:
        return "campaign"
    return url_kind(r["source_urls"])


def designations(rows):
    out = []
    for r in rows:
        fp = r["stp17cd"]
        if r["capital_wave1_jul2017"].strip().lower() == "yes":
            out.append((fp, "capital-wave-1", "2017-07-19", r["note"], url_kind(r["capital_wave1_source"]),
                        r["capital_wave1_source"], r["capital_wave1_quote"]))
        acs = r["acs_or_devolution_jun2017"].strip()
        if acs:
            kind = "devolution-deal" if "devolution" in acs else "accountable-care-system"
            scope = re.search(r"\((partial[^)]*)\)", acs)
            out.append((fp, kind, "2017-06", scope[1] if scope else "", url_kind(r["acs_source"]),
                        r["acs_source"], r["acs_quote"]))
        ics = r["ics_designation"].strip()
        if ics and not ics.startswith("devolved"):
            date = "2018" if "renamed ICS 2018" in ics else first_date(ics)
            extra = re.sub(r"^\S+\s*", "", ics).strip("() ") if date != "2018" else "the accountable care system renamed"
            out.append((fp, "integrated-care-system", date, extra, url_kind(r["ics_source"]),
                        r["ics_source"], r["ics_quote"]))
    return out


CONTROL_UNITS = {"GBP 000": ("gbp_m", 0.001), "GBP m": ("gbp_m", 1.0), "%": ("percent", 1.0)}
INDICATOR_NAMES = {"predicted_deficit_2016_17": "predicted_deficit", "outturn": "financial_outturn"}


def control_totals(rows, org_codes, counts):
    """indicators.csv rows for trusts among the organisations; the rest are counted."""
    out, left = [], set()
    for r in rows:
        code = r["ods_code"].strip()
        if code not in org_codes:
            left.add(code or r["org_name_as_published"])
            continue
        measure = r["measure"]
        name = INDICATOR_NAMES.get(measure, measure)
        if measure == "control_total_accepted":
            value, unit = ("1" if r["value"].strip().lower() == "yes" else "0"), "yes_no"
        else:
            unit, factor = next(((u, f) for k, (u, f) in CONTROL_UNITS.items() if r["unit"].startswith(k)),
                                ("count", 1.0))
            value = f"{float(r['value']) * factor:.4f}".rstrip("0").rstrip(".")
        as_of = first_date(r["as_of"])
        note = join(r["unit"] if unit != "yes_no" and "(" in r["unit"] else "", r["note"],
                    as_published(r["as_of"], as_of))
        out.append((code, r["year"], name, value, unit, "reported",
                    source_of(r["source_title"], r["source_url"]), note, as_of))
    counts["control-total rows for trusts not among the organisations (left out)"] = len(left)
    return out
