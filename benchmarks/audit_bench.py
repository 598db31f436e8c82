"""Audit throughput (posts/s: n_jobs=1 vs 2 vs Dask) and peak memory of a cached, streamed CSV audit.

    python benchmarks/audit_bench.py                      # 20k posts for speed; 20k and 200k for memory
    python benchmarks/audit_bench.py --posts 2000 --mem-posts 5000,20000 --checkers all

Posts are generated reproducibly from templates (Dutch and English, some risky). ``--checkers`` picks
the checkers to run (default: tone, a cheap one, so that the run takes minutes; the audit machinery,
not the checkers, is measured). Memory runs in a fresh process per size; flat means the peak does not
grow with the number of posts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEMPLATES = [
    "Kom {day} naar de markt in {town}, we praten over {topic}!",
    "Vandaag in de raad: onze motie over {topic} in {town} is aangenomen.",
    "Thank you to the {n} volunteers in {town} who helped with {topic} today.",
    "Those idiots voted against {topic} again in {town}.",
    "Bel mevrouw Jansen gerust op 06-{phone}, zij weet alles over {topic}.",
    "{n}% van de inwoners van {town} is tegen het plan voor {topic}.",
    "WAAROM LUISTERT NIEMAND NAAR {town_upper} OVER {topic_upper}??",
    "Join our town hall on {topic} in {town} on {day}; everyone is welcome.",
]
TOWNS = ["Zwolle", "Utrecht", "Leeuwarden", "Tilburg", "Groningen", "Delft", "Arnhem"]
TOPICS = ["wonen", "zorg", "housing", "public transport", "de bibliotheek", "parkeren", "energie"]
DAYS = ["zaterdag", "maandag", "Thursday", "Sunday"]


def generate(n: int, seed: int = 9) -> "object":
    """``n`` posts (id, date, platform, text) drawn reproducibly from the templates."""
    import pandas as pd

    rng = random.Random(seed)
    rows = []
    for i in range(n):
        town, topic = rng.choice(TOWNS), rng.choice(TOPICS)
        text = rng.choice(TEMPLATES).format(
            day=rng.choice(DAYS), town=town, topic=topic, n=rng.randint(2, 95),
            phone=f"{rng.randint(0, 99999999):08d}", town_upper=town.upper(), topic_upper=topic.upper(),
        )
        rows.append((f"p{i:07d}", f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}", rng.choice(["x", "facebook", "bluesky"]), text))
    return pd.DataFrame(rows, columns=["id", "date", "platform", "text"])


def pipeline_for(checkers: str):
    from socialrisk import Pipeline
    from socialrisk.config import Config

    names = None if checkers == "all" else [c for c in checkers.split(",") if c]
    return Pipeline(Config(), checkers=names)


def speed(csv: Path, n: int, checkers: str, jobs: int) -> list[tuple[str, float, float]]:
    """(engine, seconds, posts/s) per run, each on the same CSV; pipeline load counts for workers, not the parent."""
    import socialrisk

    pipeline = pipeline_for(checkers).warm_up()
    out, reference = [], None
    for label, kw in [("local n_jobs=1", {"n_jobs": 1}), (f"local n_jobs={jobs}", {"n_jobs": jobs}),
                      (f"dask LocalCluster {jobs} workers", {"engine": "dask", "n_jobs": jobs})]:
        t0 = time.perf_counter()
        result = socialrisk.audit(csv, id="id", date="date", platform="platform", pipeline=pipeline, progress=False, **kw)
        secs = time.perf_counter() - t0
        assert len(result.posts) == n and result.posts["error"].isna().all()
        decisions = list(result.posts["decision"])
        reference = reference or decisions
        assert decisions == reference, f"{label} disagrees with n_jobs=1"
        out.append((label, secs, n / secs))
    return out


def _rss_kb(field: str) -> int:
    """VmRSS/VmHWM of this process in KiB (ru_maxrss would carry the launching process's size over exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith(field + ":"))
    except OSError:  # not Linux
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_child(csv: str, checkers: str, jobs: int) -> None:
    """Run one cached audit in this fresh process and print its peak memory as JSON."""
    import socialrisk

    pipeline = pipeline_for(checkers).warm_up()
    base = _rss_kb("VmRSS")
    with tempfile.TemporaryDirectory() as cache:
        t0 = time.perf_counter()
        result = socialrisk.audit(csv, id="id", date="date", pipeline=pipeline, progress=False, n_jobs=jobs, cache=cache)
        secs = time.perf_counter() - t0
        peak = _rss_kb("VmHWM")
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        parts = len(list(Path(cache).glob("part-*")))
        n = int(sum(1 for _ in open(csv, encoding="utf-8")) - 1)
        del result
    print(json.dumps({"posts": n, "secs": secs, "rss_after_load_mb": base / 1024, "peak_mb": peak / 1024,
                      "worker_peak_mb": workers / 1024, "parts": parts}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=20_000, help="posts for the speed runs (0: skip them)")
    ap.add_argument("--mem-posts", default="20000,200000", help="comma-separated sizes for the memory runs")
    ap.add_argument("--checkers", default="tone", help="comma-separated checkers, or 'all'")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--child", nargs=3, metavar=("CSV", "CHECKERS", "JOBS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        memory_child(args.child[0], args.child[1], int(args.child[2]))
        return
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, checkers: {args.checkers}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "speed.csv"
        if args.posts:
            generate(args.posts).to_csv(csv, index=False)
            print(f"\nspeed: {args.posts} posts from {csv.name}", flush=True)
            print(f"{'run':<32} {'seconds':>8} {'posts/s':>9}", flush=True)
            for label, secs, rate in speed(csv, args.posts, args.checkers, args.jobs):
                print(f"{label:<32} {secs:>8.1f} {rate:>9.0f}", flush=True)
        print(f"\nmemory: streamed CSV, cache on, n_jobs={args.jobs} (peak RSS, MB)", flush=True)
        print(f"{'posts':>8} {'seconds':>8} {'after load':>11} {'peak':>8} {'worker peak':>12} {'cache parts':>12}", flush=True)
        for n in [int(x) for x in args.mem_posts.split(",") if x]:
            path = Path(tmp) / f"mem-{n}.csv"
            generate(n).to_csv(path, index=False)
            out = subprocess.run([sys.executable, __file__, "--child", str(path), args.checkers, str(args.jobs)],
                                 check=True, capture_output=True, text=True).stdout
            m = json.loads(out.strip().splitlines()[-1])
            print(f"{m['posts']:>8} {m['secs']:>8.1f} {m['rss_after_load_mb']:>11.0f} {m['peak_mb']:>8.0f} "
                  f"{m['worker_peak_mb']:>12.0f} {m['parts']:>12}")
            path.unlink()


if __name__ == "__main__":
    main()
