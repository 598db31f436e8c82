"""Accuracy of socialrisk per category on the labelled sets in ../shared/eval/ and the project's corpora.

    python benchmarks/accuracy.py [--eval-dir ../shared/eval] [--min-severity medium] [--limit N] [--jobs 2]

Post level: a post is flagged for a category when it has any finding of that category at or above
``--min-severity``; the set's ``risk`` field is the truth. PII sets also get span-level recall per
gold entity type and precision per predicted entity (a span counts when it overlaps). Simple
baselines sit next to each figure. A missing set is an error (exit 1), never skipped. Rows are read
at run time only; nothing from the sets is copied into the project.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from legal_claims_eval import any_number  # noqa: E402  (the claims baseline, defined once)

# set name -> categories it measures (../shared/eval/README.md)
SETS = {
    "ct24_checkworthy_nl": ["claims"],
    "ct24_checkworthy_en": ["claims"],
    "hatecheck_nl": ["legal", "tone", "legal|tone"],
    "olid_en": ["legal", "tone", "legal|tone"],
    "presidio_synth_pii_en": ["privacy"],
    "deduce_regression_nl": ["privacy"],
}
CORPUS = HERE / "corpus"
PROJECT_CORPORA = ("ambiguous_posts.jsonl", "clear_posts.jsonl", "privacy_posts.jsonl")
# Baselines anyone could write in a minute.
_PROFANITY = re.compile(
    r"\b(?:kut\w*|klote\w*|kanker\w*|tering\w*|tyfus\w*|godver\w*|shit\w*|fuck\w*|kloot\w*|hoer\w*|"
    r"idioot|idioten|debiel\w*|sukkel\w*|bitch\w*|ass(?:hole)?s?|damn|crap|stupid|idiot\w*|moron\w*|bastard\w*)\b",
    re.IGNORECASE,
)
# claims: "any number" in the post's own words (digits or written numbers, not in links, @handles or
# #hashtags; see legal_claims_eval.any_number): a digit in a t.co hash is not a number, and half the Dutch
# tweets end in one. The raw "any digit character" is printed as a reference row below it.
BASELINES = {
    "claims": ("any number (own text)", lambda t, lang=None: any_number(t, lang)),
    "legal": ("profanity list", lambda t: bool(_PROFANITY.search(t))),
    "tone": ("profanity list", lambda t: bool(_PROFANITY.search(t))),
    "legal|tone": ("profanity list", lambda t: bool(_PROFANITY.search(t))),
    "privacy": ("digits or @", lambda t: bool(re.search(r"\d{3}|@", t))),
    "ambiguity": ("any vague word", lambda t: bool(re.search(r"\b(?:binnenkort|soon|veel|many|misschien|maybe|ze|they)\b", t, re.I))),
}
SEV = ["info", "low", "medium", "high", "blocker"]


def prf(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if p and not g)
    fn = sum(1 for g, p in pairs if g and not p)
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return pr, rc, f1, len(pairs)


def read_jsonl(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if "text" in r]


def flagged(report, category: str, cut: int) -> bool:
    cats = set(category.split("|"))
    return any(f.category.value in cats and SEV.index(f.severity.value) >= cut for f in report.findings)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", default=str(HERE.parent.parent / "shared" / "eval"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--min-severity", default="medium", choices=SEV)
    ap.add_argument("--limit", type=int, default=None, help="first N rows per set")
    ap.add_argument("--jobs", type=int, default=2, help="processes for check_many")
    args = ap.parse_args(argv)
    cut = SEV.index(args.min_severity)

    eval_dir = Path(args.eval_dir)
    missing = [n for n in SETS if not (eval_dir / n / f"{args.split}.jsonl").is_file()]
    missing += [f"benchmarks/corpus/{f}" for f in PROJECT_CORPORA if not (CORPUS / f).is_file()]
    if missing:
        print(f"ERROR: evaluation set(s) missing (under {eval_dir}): {', '.join(missing)}", file=sys.stderr)
        return 1

    from socialrisk import Pipeline
    from socialrisk.config import Config
    from socialrisk.models import PostError

    pipe = Pipeline(Config())
    print(f"# socialrisk accuracy ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}); flagged = a finding "
          f"of the category at severity >= {args.min_severity}; split {args.split}\n")
    print("| set | category | n | P | R | F1 | baseline | bP | bR | bF1 |\n|---|---|---:|---:|---:|---:|---|---:|---:|---:|")
    span_tables = []
    failures = 0

    def evaluate(name: str, rows: list[dict], cats: list[str]) -> list:
        nonlocal failures
        results = pipe.check_many([{"text": r["text"], "lang": r.get("lang")} for r in rows], n_process=args.jobs)
        failures += sum(isinstance(r, PostError) for r in results)
        for cat in cats:
            ours, base = [], []
            bname, bfn = BASELINES[cat]
            for row, rep in zip(rows, results):
                gold = bool(row["risk"])
                ours.append((gold, not isinstance(rep, PostError) and flagged(rep, cat, cut)))
                base.append((gold, bfn(row["text"], row.get("lang")) if cat == "claims" else bfn(row["text"])))
            p, r, f, n = prf(ours)
            bp, br, bf, _ = prf(base)
            print(f"| {name} | {cat} | {n} | {p:.2f} | {r:.2f} | {f:.2f} | {bname} | {bp:.2f} | {br:.2f} | {bf:.2f} |", flush=True)
            if cat == "claims":  # reference: the raw digit test, which counts digits inside t.co links
                rp, rr, rf, _ = prf([(bool(row["risk"]), bool(re.search(r"\d", row["text"]))) for row in rows])
                print(f"| {name} | claims | {n} | {p:.2f} | {r:.2f} | {f:.2f} | any digit character (reference) | {rp:.2f} | {rr:.2f} | {rf:.2f} |", flush=True)
        return results

    for name, cats in SETS.items():
        rows = read_jsonl(eval_dir / name / f"{args.split}.jsonl")[: args.limit]
        results = evaluate(name, rows, cats)
        if "privacy" in cats:
            span_tables.append((name, _span_level(rows, results, cut)))

    # The project's own acceptance corpora (shipped in benchmarks/corpus): missing is an error too.
    amb, clear, priv = (CORPUS / f for f in ("ambiguous_posts.jsonl", "clear_posts.jsonl", "privacy_posts.jsonl"))
    rows = [{**r, "risk": True} for r in read_jsonl(amb)] + [{**r, "risk": False} for r in read_jsonl(clear)]
    evaluate("project: ambiguous + clear posts", rows[: args.limit], ["ambiguity"])
    # privacy corpus: a post with personal data (gold spans or an expected rule) should be flagged
    rows = [{**r, "risk": not r.get("ordinary", False)} for r in read_jsonl(priv)][: args.limit]
    span_tables.append(("project: privacy_posts", _span_level(rows, evaluate("project: privacy_posts", rows, ["privacy"]), cut)))

    for name, (recall, precision) in span_tables:
        print(f"\n## {name}: span level (overlap)\n")
        print("| gold type | gold spans | found (recall) |\n|---|---:|---:|")
        for t, (hit, n) in sorted(recall.items(), key=lambda kv: -kv[1][1]):
            print(f"| {t} | {n} | {hit / n:.2f} |")
        print("\n| our entity | predicted spans | overlap gold (precision) |\n|---|---:|---:|")
        for t, (hit, n) in sorted(precision.items(), key=lambda kv: -kv[1][1]):
            print(f"| {t} | {n} | {hit / n:.2f} |")
    print(f"\nposts that raised an error: {failures}")
    return 0


def _span_level(rows: list[dict], results: list, cut: int):
    from socialrisk.models import PostError

    recall: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    precision: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row, rep in zip(rows, results):
        preds = [] if isinstance(rep, PostError) else [
            (f.span.start, f.span.end, str(f.details.get("entity") or f.rule_id))
            for f in rep.findings if f.category.value == "privacy" and SEV.index(f.severity.value) >= cut
        ]
        gold = row.get("spans", [])
        for g in gold:
            recall[g["type"]][1] += 1
            recall[g["type"]][0] += any(s < g["end"] and g["start"] < e for s, e, _ in preds)
        for s, e, t in preds:
            precision[t][1] += 1
            precision[t][0] += any(s < g["end"] and g["start"] < e for g in gold)
    return recall, precision


if __name__ == "__main__":
    sys.exit(main())
