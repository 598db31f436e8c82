"""Mean time per checker on the speed corpus, repeated, for quick before/after comparisons.

    python benchmarks/checker_times.py [--rounds 5] [--only privacy,claims]

Uses each report's ``timings_ms`` (wall time per stage) and takes, per stage, the median over rounds of
the mean over posts: steadier than one pass on a shared machine. ``speed.py`` is the full benchmark.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--only", default=None, help="comma-separated checker names to run (default: all)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE.parent / "src"))
    from socialrisk.pipeline import Pipeline

    posts = [json.loads(line)["text"] for line in (HERE / "corpus" / "posts_speed.jsonl").open(encoding="utf-8")]
    pipeline = Pipeline(checkers=args.only.split(",") if args.only else None).warm_up()
    for text in posts:  # warm every cache once
        pipeline.check(text)
    per_round: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        sums: dict[str, float] = {}
        t0 = time.perf_counter()
        for text in posts:
            for stage, ms in pipeline.check(text).timings_ms.items():
                sums[stage] = sums.get(stage, 0.0) + ms
        per_round.setdefault("(wall per post)", []).append((time.perf_counter() - t0) * 1000 / len(posts))
        for stage, total in sums.items():
            per_round.setdefault(stage, []).append(total / len(posts))
    print(f"{'stage':20s} {'ms/post':>8s}  (median of {args.rounds} rounds over {len(posts)} posts)")
    for stage, values in sorted(per_round.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"{stage:20s} {statistics.median(values):8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
