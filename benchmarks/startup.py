"""Where a cold start goes: time each step of a first check in a fresh process.

    python benchmarks/startup.py [post-file]

Prints one line per step (seconds): importing the CLI, loading the rule packs, importing spaCy and
Presidio, building the blank Dutch pipeline, loading the lemma table, building the privacy analyzer, and
the first check itself. Run it a few times; the first run after an install also compiles bytecode.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

_T0 = _last = time.perf_counter()


def _step(name: str) -> None:
    global _last
    now = time.perf_counter()
    print(f"| {name} | {now - _last:.2f} |")
    _last = now


def main() -> int:
    post = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "examples" / "posts" / "leak.md"
    print("| step | seconds |\n|---|---:|")
    import socialrisk.cli  # noqa: F401
    _step("import socialrisk.cli")
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
    print(f"| **total** | **{time.perf_counter() - _T0:.2f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
