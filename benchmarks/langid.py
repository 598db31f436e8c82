"""Language identification accuracy (nl/en) on the eval sets' posts of 8+ words (links, handles, tags not counted).

    python benchmarks/langid.py [--eval-dir ../shared/eval] [--min-words 8] [--show-ids]

Target: >= 98%. Wrong = the other language, or no language (``other`` / ``too_short``). Misses are
listed by id only (the texts stay in ../shared/eval/). Exit 1 when a set is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = {
    "ct24_checkworthy_nl": "nl",
    "hatecheck_nl": "nl",
    "ct24_checkworthy_en": "en",
    "olid_en": "en",
    "presidio_synth_pii_en": "en",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", default=str(HERE.parent.parent / "shared" / "eval"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--min-words", type=int, default=8)
    ap.add_argument("--show-ids", action="store_true", help="list the ids of misidentified posts")
    args = ap.parse_args(argv)

    from socialrisk.analysis import _NOT_WORDS, _WORD, detect_language

    eval_dir = Path(args.eval_dir)
    missing = [n for n in SETS if not (eval_dir / n / f"{args.split}.jsonl").is_file()]
    if missing:
        print(f"ERROR: evaluation set(s) missing under {eval_dir}: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"| set | expected | posts ({args.min_words}+ words) | correct | accuracy | wrong as |\n|---|---|---:|---:|---:|---|")
    total = right = 0
    for name, want in SETS.items():
        rows = [json.loads(x) for x in (eval_dir / name / f"{args.split}.jsonl").read_text("utf-8").splitlines() if x.strip()]
        # Words as the detector sees them: letters, after links, @handles and #hashtags are removed.
        rows = [r for r in rows if len(_WORD.findall(_NOT_WORDS.sub(" ", r["text"]))) >= args.min_words]
        wrong: Counter[str] = Counter()
        ids = []
        for r in rows:
            g = detect_language(r["text"])
            if g.lang != want:
                wrong[g.lang or g.status] += 1
                ids.append(r["id"])
        ok = len(rows) - sum(wrong.values())
        total += len(rows)
        right += ok
        print(f"| {name} | {want} | {len(rows)} | {ok} | {ok / len(rows):.2%} | {dict(wrong)} |")
        if args.show_ids and ids:
            print(f"  misses: {' '.join(ids)}", file=sys.stderr)
    print(f"| **all** | | {total} | {right} | **{right / total:.2%}** | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
