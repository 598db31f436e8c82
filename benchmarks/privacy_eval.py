"""Accuracy and speed of the privacy checker on ../shared/eval PII sets (measure only; rows never copied).

Usage: python benchmarks/privacy_eval.py [path/to/shared/eval] [--own-only] [--verbose]
The project's own corpus (benchmarks/corpus/privacy_posts.jsonl, written by benchmarks/privacy_corpus.py)
is measured the same way and printed as Markdown tables: span level per entity type (predictions of any
severity, and of low or above), post level (posts with personal data flagged at medium+ / high+, against
its ordinary posts), the expected non-entity rules (special category, minor, ...) and how many ordinary
posts get a privacy finding at medium+ and at any level. ``--verbose`` lists ids, types and offsets of
misses and false hits (never post text).
Span level: a predicted entity is correct when it overlaps a gold span of a matching type.
Post level: a post is flagged when the privacy checker reports a finding at the given severity or above.
Ordinary posts (CheckThat! nl/en, HateCheck-NL, OLID): how many get a privacy finding of medium or
above (they should stay quiet), and how many a PERSON finding of any severity.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from pathlib import Path

from socialrisk import Pipeline, Severity
from socialrisk.config import Config

# gold type -> our entity type (None: we do not detect it; left out of recall)
GOLD = {
    "presidio_synth_pii_en": {
        "PERSON": "PERSON", "STREET_ADDRESS": "STREET_ADDRESS", "PHONE_NUMBER": "PHONE_NUMBER",
        "EMAIL_ADDRESS": "EMAIL_ADDRESS", "CREDIT_CARD": "CREDIT_CARD", "IBAN_CODE": "IBAN_CODE",
        "IP_ADDRESS": "IP_ADDRESS", "US_SSN": None, "US_DRIVER_LICENSE": "ID_NUMBER",
    },
    "deduce_regression_nl": {
        "persoon": "PERSON", "telefoonnummer": "PHONE_NUMBER", "emailadres": "EMAIL_ADDRESS", "bsn": "NL_BSN",
    },
}
# gold spans that make a prediction of that type not a false positive (a street inside "locatie")
ALSO_OK = {"STREET_ADDRESS": {"locatie", "ZIP_CODE", "GPE"}, "DATE_OF_BIRTH": {"DATE_TIME", "datum"}}


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def run(root: Path, name: str, pipe: Pipeline) -> dict:
    rows = [json.loads(line) for line in (root / name / "dev.jsonl").open(encoding="utf-8")]
    mapping = GOLD[name]
    tp_gold, n_gold, tp_pred, n_pred = Counter(), Counter(), Counter(), Counter()
    post = {sev: Counter() for sev in ("low", "high")}
    times = []
    for row in rows:
        t0 = time.perf_counter()
        rep = pipe.check(row["text"], lang=row["lang"], policy={"min_severity": "info"})
        times.append((time.perf_counter() - t0) * 1000)
        preds = [(f.span.start, f.span.end, f.details["entity"], f.severity)
                 for f in rep.findings if f.details.get("entity")]
        gold = [(s["start"], s["end"], s["type"]) for s in row["spans"]]
        for g in gold:
            ours = mapping.get(g[2])
            if ours is None:
                continue
            n_gold[ours] += 1
            tp_gold[ours] += any(p[2] == ours and overlaps(p, g) for p in preds)
        for p in preds:
            n_pred[p[2]] += 1
            ok = {k for k, v in mapping.items() if v == p[2]} | ALSO_OK.get(p[2], set())
            tp_pred[p[2]] += any(g[2] in ok and overlaps(p, g) for g in gold)
        for sev in post:
            flagged = any(f.severity >= Severity(sev) for f in rep.findings)
            post[sev][(row["risk"], flagged)] += 1
    out = {"rows": len(rows), "types": {}, "post": {}}
    for t in sorted(set(n_gold) | set(n_pred)):
        out["types"][t] = {
            "gold": n_gold[t], "recall": round(tp_gold[t] / n_gold[t], 3) if n_gold[t] else None,
            "pred": n_pred[t], "precision": round(tp_pred[t] / n_pred[t], 3) if n_pred[t] else None,
        }
    for sev, c in post.items():
        tp, fp, fn = c[(True, True)], c[(False, True)], c[(True, False)]
        out["post"][f">={sev}"] = {"precision": round(tp / (tp + fp), 3) if tp + fp else None,
                                   "recall": round(tp / (tp + fn), 3) if tp + fn else None}
    out["ms_median"] = round(statistics.median(times), 3)
    return out


ORDINARY = ("ct24_checkworthy_nl", "ct24_checkworthy_en", "hatecheck_nl", "olid_en")


def ordinary(root: Path, name: str, pipe: Pipeline) -> dict:
    """Posts with a privacy finding of medium or above, by rule; and posts with any PERSON finding."""
    rows = [json.loads(line) for line in (root / name / "dev.jsonl").open(encoding="utf-8")]
    loud, person, rules = 0, 0, Counter()
    for row in rows:
        rep = pipe.check(row["text"], lang=row["lang"], policy={"min_severity": "info"})
        hits = {f.rule_id for f in rep.findings if f.severity >= Severity.MEDIUM}
        loud += bool(hits)
        rules.update(hits)
        person += any(f.details.get("entity") == "PERSON" for f in rep.findings)
    return {"rows": len(rows), "medium+": loud, "medium+_rules": dict(rules), "any_person": person}


def speed(pipe: Pipeline) -> dict:
    """Median warm CPU time of the privacy checker alone on 280-character posts (ms), with and without data."""
    from socialrisk.analysis import analyse
    from socialrisk.policy import Policy

    posts = {
        "with_pii": "Vanavond debat in Utrecht over wonen met wethouder Jansen. Bel 06-12345678 of mail "
                    "j.devries@example.nl voor aanmelden. Het kabinet faalt in de woningbouw: 2024 was een "
                    "rampjaar, de huren stegen 5,8% tot 1.234 euro. Kom allemaal om 20.00 uur naar zaal 3 en neem je buren mee!",
        "plain": "Het kabinet faalt in de woningbouw. Al jaren beloven ministers meer huizen, maar de wachtlijsten "
                 "groeien. Wij willen 100.000 betaalbare woningen per jaar, minder regels voor bouwers en voorrang "
                 "voor starters. Kom op 17 maart naar ons debat in Utrecht en stem op lijst 3! #wonen #politiek",
    }
    checker, policy, out = pipe.checker("privacy"), Policy(), {}
    for name, text in posts.items():
        text = text[:280]
        analysis = analyse(pipe.to_post(text, lang="nl"), pipe.nlp_for, "nl", "nl")
        checker.check(analysis, policy)
        times = []
        for _ in range(300):
            analysis.cache.clear()
            t0 = time.process_time()
            checker.check(analysis, policy)
            times.append((time.process_time() - t0) * 1000)
        out[name] = round(statistics.median(times), 3)
    return out


OWN = Path(__file__).parent / "corpus" / "privacy_posts.jsonl"


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def own_corpus(pipe: Pipeline, verbose: bool = False) -> str:
    """Markdown tables for the project's own corpus."""
    rows = [json.loads(line) for line in OWN.read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if "text" in r]
    n_gold, tp_gold = Counter(), Counter()
    n_pred = {lvl: Counter() for lvl in ("any", "low+")}
    tp_pred = {lvl: Counter() for lvl in ("any", "low+")}
    post = Counter()
    exp_n, exp_any, exp_med = Counter(), Counter(), Counter()
    ord_med, ord_any, ord_rules = Counter(), Counter(), Counter()
    misses = []
    for row in rows:
        rep = pipe.check(row["text"], lang=row["lang"], policy={"min_severity": "info"})
        preds = [(f.span.start, f.span.end, f.details["entity"], f.severity)
                 for f in rep.findings if f.details.get("entity")]
        gold = [(s["start"], s["end"], s["type"]) for s in row["spans"]]
        for g in gold:
            n_gold[g[2]] += 1
            hit = any(p[2] == g[2] and overlaps(p, g) for p in preds)
            tp_gold[g[2]] += hit
            if not hit:
                misses.append((row["id"], "miss", g[2], g[0], g[1]))
        for p in preds:
            ok = any(g[2] == p[2] and overlaps(p, g) for g in gold)
            for lvl in n_pred:
                if lvl == "any" or p[3] >= Severity.LOW:
                    n_pred[lvl][p[2]] += 1
                    tp_pred[lvl][p[2]] += ok
            if not ok:
                misses.append((row["id"], "false", p[2], p[0], p[1], p[3].value))
        med = any(f.severity >= Severity.MEDIUM for f in rep.findings)
        high = any(f.severity >= Severity.HIGH for f in rep.findings)
        kind = "ordinary" if row["ordinary"] else "pii"
        post[(kind, "medium+")] += med
        post[(kind, "high+")] += high
        post[(kind, "any")] += bool(rep.findings)
        post[(kind, "n")] += 1
        fired = {f.rule_id: f.severity for f in rep.findings}
        for rule in row.get("expect", []):
            exp_n[rule] += 1
            exp_any[rule] += rule in fired
            exp_med[rule] += rule in fired and fired[rule] >= Severity.MEDIUM
        if row["ordinary"]:
            ord_med[row["lang"]] += med
            ord_any[row["lang"]] += bool(rep.findings)
            ord_rules.update({f.rule_id for f in rep.findings if f.severity >= Severity.MEDIUM})
            if verbose and rep.findings:
                misses.append((row["id"], "ordinary", ",".join(f"{f.rule_id}:{f.severity.value}" for f in rep.findings)))
    langs = Counter(r["lang"] for r in rows)
    ords = Counter(r["lang"] for r in rows if r["ordinary"])
    out = [f"Own corpus `{OWN.relative_to(OWN.parents[2])}`: {len(rows)} posts "
           f"({langs['nl']} nl, {langs['en']} en), {sum(ords.values())} ordinary "
           f"({ords['nl']} nl, {ords['en']} en), {sum(n_gold.values())} gold spans.", "",
           "| entity | gold | recall | predicted (any) | precision (any) | predicted (low+) | precision (low+) |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for t in sorted(set(n_gold) | set(n_pred["any"]), key=lambda t: (-n_gold[t], t)):
        out.append(f"| {t} | {n_gold[t]} | {_ratio(tp_gold[t], n_gold[t])} | {n_pred['any'][t]} | "
                   f"{_ratio(tp_pred['any'][t], n_pred['any'][t])} | {n_pred['low+'][t]} | "
                   f"{_ratio(tp_pred['low+'][t], n_pred['low+'][t])} |")
    out.append(f"| **all** | {sum(n_gold.values())} | {_ratio(sum(tp_gold.values()), sum(n_gold.values()))} | "
               f"{sum(n_pred['any'].values())} | {_ratio(sum(tp_pred['any'].values()), sum(n_pred['any'].values()))} | "
               f"{sum(n_pred['low+'].values())} | {_ratio(sum(tp_pred['low+'].values()), sum(n_pred['low+'].values()))} |")
    out += ["", "| post level | posts with personal data flagged (recall) | ordinary posts flagged | precision |",
            "|---|---:|---:|---:|"]
    for lvl in ("any", "medium+", "high+"):
        tp, fp = post[("pii", lvl)], post[("ordinary", lvl)]
        out.append(f"| privacy finding {lvl} | {tp}/{post[('pii', 'n')]} ({_ratio(tp, post[('pii', 'n')])}) | "
                   f"{fp}/{post[('ordinary', 'n')]} | {_ratio(tp, tp + fp)} |")
    out += ["", "| expected rule | posts | fires (any) | fires medium+ |", "|---|---:|---:|---:|"]
    for rule in sorted(exp_n):
        out.append(f"| {rule} | {exp_n[rule]} | {exp_any[rule]} | {exp_med[rule]} |")
    out += ["", f"Ordinary posts with a privacy finding at medium+: nl {ord_med['nl']}/{ords['nl']}, "
            f"en {ord_med['en']}/{ords['en']} (rules: {dict(ord_rules) or 'none'}); at any level (info included): "
            f"nl {ord_any['nl']}/{ords['nl']}, en {ord_any['en']}/{ords['en']}."]
    if verbose:
        out += ["", *("  ".join(map(str, m)) for m in misses)]
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
    ap.add_argument("--own-only", action="store_true", help="only the project's own corpus")
    ap.add_argument("--verbose", action="store_true", help="list misses and false hits of the own corpus (ids, no text)")
    args = ap.parse_args()
    root = Path(args.root)
    pipe = Pipeline(Config(), checkers=["privacy"])
    print(own_corpus(pipe, args.verbose))
    if args.own_only:
        return
    res = {name: run(root, name, pipe) for name in GOLD if (root / name).is_dir()}
    res["ordinary_posts"] = {name: ordinary(root, name, pipe) for name in ORDINARY if (root / name).is_dir()}
    res["warm_cpu_ms_280_chars"] = speed(pipe)
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
