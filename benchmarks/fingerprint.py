"""Fingerprint of every report over the shipped corpora and the eval dev splits, for speed work.

    python benchmarks/fingerprint.py --write /tmp/before.jsonl     # before a change
    python benchmarks/fingerprint.py --compare /tmp/before.jsonl   # after it: exit 1 on any difference
    python benchmarks/fingerprint.py --compare /tmp/before.jsonl --cold   # the same, start-up tables

An optimisation must not change a single finding: this records, per post, the decision, the score and
every finding in full (suppressed ones too), checked with the language detected and with each
language forced. It prints the first differences it finds. Not run by the tests (it takes about a minute).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"


def texts() -> list[tuple[str, str]]:
    """(source:line, text) for the shipped corpora and every eval set's dev split that is present."""
    files = sorted((HERE / "corpus").glob("*.jsonl")) + sorted(EVAL.glob("*/dev.jsonl"))
    out = []
    for path in files:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                if isinstance(row.get("text"), str) and row["text"].strip():
                    out.append((f"{path.parent.name}/{path.name}:{i}", row["text"]))
    return out


def fingerprint(pipeline, text: str, lang: str | None) -> dict:
    try:
        r = pipeline.check(text, lang=lang)
    except Exception as exc:  # noqa: BLE001 - an error is part of the fingerprint
        return {"error": type(exc).__name__}
    # Everything but the timings: findings in full (spans, scores, messages, details), suppressed ones too.
    return r.model_dump(mode="json", exclude={"timings_ms", "versions"})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", type=Path)
    g.add_argument("--compare", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cold", action="store_true",
                    help="word tables in the compact form a command-line run loads while it starts up")
    ap.add_argument("--vocabulary-budget", type=int, default=None,
                    help="Config.vocabulary_budget (0: every check in a spaCy memory zone)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE.parent / "src"))
    from socialrisk.pipeline import Pipeline

    if args.cold:  # for the whole run, as the command line is while it starts up
        from socialrisk._cache import set_starting_up, writing

        set_starting_up(True)
    with writing() if args.cold else contextlib.nullcontext():
        pipeline = Pipeline({} if args.vocabulary_budget is None else {"vocabulary_budget": args.vocabulary_budget})
        rows = []
        for key, text in texts()[: args.limit]:
            for lang in (None, "nl", "en"):
                rows.append({"key": f"{key}:{lang or 'auto'}", **fingerprint(pipeline, text, lang)})
    if args.write:
        args.write.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {len(rows)} fingerprints to {args.write}")
        return 0
    before = {}
    for line in args.compare.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        before[row.pop("key")] = row
    diffs = 0
    for row in rows:
        key = row.pop("key")
        if key in before and before[key] != row:
            diffs += 1
            if diffs <= 10:
                print(f"DIFF {key}\n  before: {before[key]}\n  after:  {row}")
    print(f"{len(rows)} fingerprints, {diffs} differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())
