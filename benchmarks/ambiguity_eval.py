"""Accuracy of the ambiguity checker on the project's own corpora (benchmarks/corpus/).

False-positive rate: share of clear posts with an ambiguity finding of severity medium or higher
(target < 5%). Recall: share of ambiguous posts on which an expected rule fires (any severity, and
at medium or higher), also for the posts written after the rules (``batch``), a fairer figure.
``--external`` adds how loud the checker is on the real posts of ../shared/eval/ (not labelled for
ambiguity: a share of posts with a medium+ finding, not a false-positive rate).
Run: ``python benchmarks/ambiguity_eval.py [--verbose] [--external]``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from socialrisk import Pipeline, Severity
from socialrisk.config import Config

CORPUS = Path(__file__).parent / "corpus"
EXTERNAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
EXTERNAL_SETS = ("ct24_checkworthy_nl", "ct24_checkworthy_en", "olid_en", "hatecheck_nl")


def load(name: str) -> list[dict]:
    """Posts of a corpus file; lines without ``text`` (the header) are skipped."""
    rows = [json.loads(line) for line in (CORPUS / name).read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if "text" in r]


def findings(pipe: Pipeline, row: dict):
    fields = {k: row[k] for k in ("lang", "scheduled") if k in row}
    return [f for f in pipe.check(row["text"], **fields).findings if f.category.value == "ambiguity"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list post ids and rule ids of misses and false positives")
    ap.add_argument("--external", action="store_true", help="also measure loudness on ../shared/eval/ (dev splits)")
    args = ap.parse_args()
    pipe = Pipeline(Config(), checkers=["ambiguity"])

    clear = load("clear_posts.jsonl")
    fp_medium, fp_any, by_rule = [], 0, Counter()
    for row in clear:
        got = findings(pipe, row)
        fp_any += bool(got)
        loud = [f for f in got if f.severity >= Severity.MEDIUM]
        by_rule.update(f.rule_id for f in loud)
        if loud:
            fp_medium.append((row["id"], sorted({f.rule_id for f in loud})))

    amb = load("ambiguous_posts.jsonl")
    hit_any, hit_medium, missed, per_rule, late = 0, 0, [], Counter(), Counter()
    totals = Counter(label for row in amb for label in row["labels"])
    for row in amb:
        got = findings(pipe, row)
        ids_any = {f.rule_id for f in got}
        ids_medium = {f.rule_id for f in got if f.severity >= Severity.MEDIUM}
        expected = set(row["labels"])
        hit_any += bool(expected & ids_any)
        hit_medium += bool(expected & ids_medium)
        per_rule.update(expected & ids_any)
        if row.get("batch"):
            late.update(["posts", *(["hits"] if expected & ids_any else [])])
        if not expected & ids_any:
            missed.append((row["id"], sorted(expected), sorted(ids_any)))

    print(f"clear posts: {len(clear)}; ambiguous posts: {len(amb)}")
    print(f"false-positive rate (medium+): {len(fp_medium)}/{len(clear)} = {len(fp_medium) / len(clear):.1%} (target < 5%)")
    print(f"clear posts with any ambiguity finding (incl. info/low): {fp_any}/{len(clear)} = {fp_any / len(clear):.1%}")
    print(f"recall (expected rule fires, any severity): {hit_any}/{len(amb)} = {hit_any / len(amb):.1%}")
    print(f"recall (expected rule fires at medium+): {hit_medium}/{len(amb)} = {hit_medium / len(amb):.1%}")
    if late["posts"]:
        print(f"recall on the posts written after the rules: {late['hits']}/{late['posts']} = {late['hits'] / late['posts']:.1%}")
    print("recall per rule: " + ", ".join(f"{r} {per_rule[r]}/{n}" for r, n in sorted(totals.items())))
    if args.verbose:
        for pid, rules in fp_medium:
            print(f"  false positive {pid}: {', '.join(rules)}")
        for pid, exp, got in missed:
            print(f"  missed {pid}: expected {', '.join(exp)}; got {', '.join(got) or 'nothing'}")
    if args.external:
        external(pipe)


def external(pipe: Pipeline) -> None:
    """Share of real posts per set with a medium+ ambiguity finding, and which rules."""
    for name in EXTERNAL_SETS:
        path = EXTERNAL / name / "dev.jsonl"
        if not path.is_file():
            print(f"{name}: not found, skipped")
            continue
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        loud = Counter()
        n = 0
        for row in rows:
            ids = {f.rule_id for f in findings(pipe, row) if f.severity >= Severity.MEDIUM}
            n += bool(ids)
            loud.update(ids)
        rules = ", ".join(f"{r} {c}" for r, c in loud.most_common())
        print(f"{name}: {n}/{len(rows)} = {n / len(rows):.1%} posts with a medium+ ambiguity finding ({rules or 'none'})")


if __name__ == "__main__":
    main()
