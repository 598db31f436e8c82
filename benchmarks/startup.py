"""Where a cold start goes: time each step of a first check in a fresh process.

    python benchmarks/startup.py [--no-cache] [--as-library] [post-file]

Prints one line per step (seconds): importing the CLI, loading the rule packs, importing spaCy and
Presidio, building the blank Dutch pipeline, loading the lemma table, building the privacy analyzer, and
the first check itself. Run it a few times; the first run after an install also compiles bytecode.
Like the CLI it reads and fills the start-up cache (``socialrisk._cache``: validated rule packs, name
lists, lemma table), so the second run shows a warm cache; ``--no-cache`` measures without it.
Like the CLI, it pauses the garbage collector and counts as starting up (compact word tables) until the
first post is checked; ``--as-library`` measures a library process's first check instead.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

_T0 = _last = time.perf_counter()
_AS_LIBRARY = "--as-library" in sys.argv
if not _AS_LIBRARY:
    import gc

    _COLLECTOR_ON = gc.isenabled()
    gc.disable()  # as socialrisk.__main__.run does before importing the command line


def _step(name: str) -> None:
    global _last
    now = time.perf_counter()
    print(f"| {name} | {now - _last:.2f} |")
    _last = now


def main() -> int:
    import os

    # Parsed by hand: importing argparse would itself be timed as part of the start-up.
    args = [a for a in sys.argv[1:] if a != "--as-library"]
    if "-h" in args or "--help" in args:
        print(__doc__)
        return 0
    if "--no-cache" in args:
        args.remove("--no-cache")
        os.environ["SOCIALRISK_CACHE_DIR"] = "off"
    unknown = [a for a in args if a.startswith("-")]
    if unknown or len(args) > 1:
        print(f"startup.py: unexpected arguments {unknown or args[1:]}; see --help", file=sys.stderr)
        return 2
    post = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "examples" / "posts" / "leak.md"
    if not post.is_file():
        print(f"startup.py: no such post file: {post}", file=sys.stderr)
        return 2
    print("| step | seconds |\n|---|---:|")
    import socialrisk.cli
    from socialrisk._cache import cache_dir, writing

    _step("import socialrisk.cli")
    if not _AS_LIBRARY:
        socialrisk.cli._STARTUP.pause(collector_on=_COLLECTOR_ON)
    with writing():
        _steps(post)
    print(f"| **total** | **{time.perf_counter() - _T0:.2f}** |")
    where = cache_dir()
    print(f"\nstart-up cache: {where if where else 'off'}")
    return 0


def _steps(post: Path) -> None:
    from socialrisk.pipeline import Pipeline

    pipe = Pipeline()
    _step("Pipeline(): load and validate the rule packs")
    import spacy  # noqa: F401
    _step("import spacy")
    import presidio_analyzer  # noqa: F401
    _step("import presidio_analyzer")
    pipe.nlp_for("nl")
    _step("blank Dutch spaCy pipeline")
    from socialrisk.analysis import lemma_table

    lemma_table("nl")
    _step("Dutch lemma table")
    pipe.checker("privacy")._analyzer()
    _step("privacy analyzer (Presidio recognizers, name data)")
    pipe.check(post.read_text("utf-8"), lang="nl")
    _step("first check")


if __name__ == "__main__":
    sys.exit(main())
