"""Which rule patterns get past their literal pre-checks, how often they then match, and what they cost.

    python benchmarks/pattern_scans.py [--top 30] [--corpus benchmarks/corpus/posts_speed.jsonl]

For speed work on the rule packs: a pattern whose pre-checks (leading words, literals, required groups,
see ``checkers/_match.py``) let it scan most posts without a match is where a sharper pre-check or a
cheaper regex pays. Warm pipeline, one pass to warm the caches, then one timed pass; the regex time is
measured around each scan, so the table's milliseconds are comparable only within one run.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_MODULE_PATTERN = ("(module pattern)", "-")  # a pattern compiled by socialrisk's code, not from a rule pack


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=30, help="rows to print, costliest first")
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus" / "posts_speed.jsonl")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"pattern_scans: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE.parent / "src"))
    from socialrisk.checkers import _match
    from socialrisk.pipeline import Pipeline
    from socialrisk.rules import load_rules

    posts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8") if line.strip()]
    pipeline = Pipeline().warm_up()
    for text in posts:
        pipeline.check(text)

    # (pattern name, source) -> (checker, rule id): names repeat across rules, sources rarely
    owner = {
        (spec.name, spec.regex): (rule.checker, rule.id)
        for rule in load_rules().rules
        for lang in ("nl", "en")
        for spec in rule.match.patterns_for(lang)
    }
    # (name, source) -> [scans, scans with a match, seconds, pre-check kinds]
    stats: dict[tuple[str, str], list] = collections.defaultdict(lambda: [0, 0, 0.0, ""])

    def timed_scan(self: _match.CompiledPattern, text: str):
        t0 = time.perf_counter()
        found = _match.scan(self.rx, text, self.name)  # a PatternTimeout fails the checker, as it does unmeasured
        row = stats[self.name, self.source]
        row[0] += 1
        row[1] += bool(found)
        row[2] += time.perf_counter() - t0
        if not row[3]:  # the same for every scan of a pattern
            row[3] = "+".join(k for k in ("leading", "literals", "required") if getattr(self, k) is not None) or "none"
        return found

    original = _match.CompiledPattern._scan
    _match.CompiledPattern._scan = timed_scan
    try:
        for text in posts:
            pipeline.check(text)
    finally:
        _match.CompiledPattern._scan = original

    n = len(posts)
    scans = sum(r[0] for r in stats.values())
    print(f"{n} posts, {len(stats)} patterns scanned, {scans / n:.1f} scans per post, "
          f"{sum(r[1] for r in stats.values()) / max(scans, 1):.1%} of scans matched, "
          f"{sum(r[2] for r in stats.values()) * 1000 / n:.3f} ms of regex per post\n")
    by_checker: dict[str, float] = collections.Counter()
    for key, row in stats.items():
        by_checker[owner.get(key, _MODULE_PATTERN)[0]] += row[2]
    print("| checker | regex ms/post |\n|---|---:|")
    for checker, secs in sorted(by_checker.items(), key=lambda kv: -kv[1]):
        print(f"| {checker} | {secs * 1000 / n:.3f} |")
    print("\n| pattern | rule | us/post | scans | scans matched | pre-checks |\n|---|---|---:|---:|---:|---|")
    for key, (count, hit, secs, pre) in sorted(stats.items(), key=lambda kv: -kv[1][2])[: args.top]:
        checker, rule_id = owner.get(key, _MODULE_PATTERN)
        print(f"| {key[0]} | {checker}/{rule_id} | {secs * 1e6 / n:.1f} | {count} | {hit} | {pre} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
