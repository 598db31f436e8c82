"""Accuracy of the `legal` and `claims` checkers on ../shared/eval/, next to simple baselines.

    python benchmarks/legal_claims_eval.py [--eval ../shared/eval] [--json out.json]

claims: ct24_checkworthy_{nl,en}; a post is flagged when it has a claims finding at or above the cut.
legal: hatecheck_nl and olid_en; flagged = a legal finding of medium or worse. HateCheck is also
reported per functionality (the share flagged), so profanity_nh / slur_*_nh cases can be read apart.
Baselines: "any digit" for claims; a plain profanity/insult word list for legal. Rows are only read
here, never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from socialrisk import Pipeline
from socialrisk.config import Config
from socialrisk.models import Severity

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"

# The legal baseline: what a naive filter would block (swear words and common insults, both languages).
BASELINE_WORDS = {
    "nl": ["kut", "kanker", "tering", "tyfus", "klootzak", "idioot", "debiel", "hoer", "lul", "eikel", "sukkel",
           "godverdomme", "shit", "fuck", "kankerlijer", "mongool", "flikker", "neger", "achterlijk", "teef"],
    "en": ["fuck", "fucking", "shit", "bitch", "idiot", "stupid", "asshole", "cunt", "damn", "moron", "dumb",
           "bastard", "crap", "whore", "slut", "retard", "ass", "dick", "loser", "hell"],
}
CUTS = {"low": Severity.LOW, "medium": Severity.MEDIUM}


def load(eval_dir: Path, name: str) -> list[dict]:
    with open(eval_dir / name / "dev.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def prf(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "n": len(gold)}


def worst(pipe: Pipeline, rows: list[dict], checker: str) -> list[Severity | None]:
    """The most severe finding of ``checker`` per row (None: no finding)."""
    out = []
    for r in pipe.check_many([{"text": r["text"], "lang": r["lang"]} for r in rows]):
        sev = [f.severity for f in getattr(r, "findings", []) if f.checker == checker]
        out.append(max(sev) if sev else None)
    return out


def baseline_legal(rows: list[dict]) -> list[bool]:
    rx = {k: re.compile(r"\b(?:" + "|".join(map(re.escape, v)) + r")\b", re.I) for k, v in BASELINE_WORDS.items()}
    return [bool(rx[r["lang"]].search(r["text"])) for r in rows]


def evaluate(pipe: Pipeline, eval_dir: Path) -> dict:
    res: dict = {"claims": {}, "legal": {}, "hatecheck_functionality": {}}
    for name in ("ct24_checkworthy_nl", "ct24_checkworthy_en"):
        rows = load(eval_dir, name)
        gold = [bool(r["risk"]) for r in rows]
        sev = worst(pipe, rows, "claims")
        res["claims"][name] = {
            **{f"claims>={k}": prf([s is not None and s >= c for s in sev], gold) for k, c in CUTS.items()},
            "baseline_any_digit": prf([bool(re.search(r"\d", r["text"])) for r in rows], gold),
        }
    for name in ("hatecheck_nl", "olid_en"):
        rows = load(eval_dir, name)
        gold = [bool(r["risk"]) for r in rows]
        sev = worst(pipe, rows, "legal")
        flagged = [s is not None and s >= Severity.MEDIUM for s in sev]
        base = baseline_legal(rows)
        res["legal"][name] = {"legal>=medium": prf(flagged, gold), "baseline_wordlist": prf(base, gold)}
        if name == "hatecheck_nl":
            by: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
            for r, f, b in zip(rows, flagged, base):
                by[r["functionality"]].append((f, b))
            res["hatecheck_functionality"] = {
                k: {"hateful": k.endswith("_h"), "n": len(v), "legal_flagged": round(sum(f for f, _ in v) / len(v), 3),
                    "baseline_flagged": round(sum(b for _, b in v) / len(v), 3)}
                for k, v in sorted(by.items())
            }
            # Swearing that is not hate (profanity_nh, slur_homonym/reclaimed_nh) is a tone matter; also
            # report the scores with those rows left out, as the eval README suggests.
            keep = [i for i, r in enumerate(rows) if r["functionality"] not in ("profanity_nh", "slur_homonym_nh", "slur_reclaimed_nh")]
            res["legal"][name]["legal>=medium (without profanity/slur _nh)"] = prf([flagged[i] for i in keep], [gold[i] for i in keep])
            res["legal"][name]["baseline (without profanity/slur _nh)"] = prf([base[i] for i in keep], [gold[i] for i in keep])
        if name == "olid_en":
            # Targeted offence (TIN) is closest to belediging/smaad; untargeted swearing (UNT) is tone.
            tin = [bool(r["risk"]) and r.get("label_b") == "TIN" for r in rows]
            res["legal"][name]["legal>=medium vs gold=TIN"] = prf(flagged, tin)
            res["legal"][name]["baseline vs gold=TIN"] = prf(base, tin)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    pipe = Pipeline(Config(), checkers=["legal", "claims"])
    res = evaluate(pipe, args.eval)
    text = json.dumps(res, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
