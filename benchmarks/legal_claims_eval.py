"""Accuracy of the `legal` and `claims` checkers on ../shared/eval/, next to simple baselines.

    python benchmarks/legal_claims_eval.py [--eval ../shared/eval] [--json out.json]

claims: ct24_checkworthy_{nl,en}; a post is flagged when it has a claims finding at or above the cut
(acceptance: >= low). The acceptance baseline is the issue's "any number": the post states a number in
its own words - a digit, or a written number from two/twee up (one/een is left out: it is also an
article) - after removing links, @handles and #hashtags. Those are not the post's words: 53% of the
Dutch tweets end in a t.co link whose random letters hold a digit, so the raw "any digit character"
test is close to "flag every post" there (its precision is the base rate). For reading, the raw "any
digit character", "digits only in the own text" and "flag every post" are printed too.
legal: flagged = a finding of medium or worse. Acceptance comparisons, following the eval README's
mapping: HateCheck-NL hateful vs legal; OLID targeted insult at an individual (TIN+IND, the closest to
belediging/smaad) vs legal; OLID OFF (offensive, which includes untargeted swearing) vs the project's
offensive-language categories together (legal or tone). Each against a plain profanity/insult list.
legal alone vs OFF and vs TIN are printed for reference. Each acceptance comparison also gives its
bootstrap margin: the share of 1 000 row resamples (seed 0) in which ours beats the baseline, and the
90% interval of the F1 difference. HateCheck is also reported per functionality
(the share flagged), so profanity_nh / slur_*_nh cases can be read apart. Rows are only read here,
never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import random
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
# Not the post's own words: links (also OLID's masked "URL"), @handles and #hashtags.
_NOT_OWN = re.compile(r"(?:https?://|www\.)\S+|\bURL\b|[@#]\w+")
# Written numbers from two up ("een"/"one" double as articles), per language ("ten" is Dutch for "at the").
NUMBER_WORDS = {
    "nl": ["twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "twintig",
           "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig", "honderd", "duizend",
           "miljoen", "miljard"],
    "en": ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
           "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
           "billion", "trillion"],
}
_NUMBER_WORDS = {k: re.compile(r"\b(?:" + "|".join(v) + r")\b", re.IGNORECASE) for k, v in NUMBER_WORDS.items()}


def own_text(text: str) -> str:
    """The post without its links, @handles and #hashtags."""
    return _NOT_OWN.sub(" ", text)


def any_number(text: str, lang: str | None) -> bool:
    """The claims baseline ("any number"): a digit or a written number in the post's own words."""
    own = own_text(text)
    return bool(re.search(r"\d", own)) or any(_NUMBER_WORDS[k].search(own) for k in ((lang,) if lang in _NUMBER_WORDS else _NUMBER_WORDS))


def load(eval_dir: Path, name: str) -> list[dict]:
    with open(eval_dir / name / "dev.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _counts(pred: list[bool], gold: list[bool]) -> tuple[int, int, int]:
    """True positives, false positives, false negatives."""
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    return tp, fp, fn


def prf(pred: list[bool], gold: list[bool]) -> dict[str, float]:
    tp, fp, fn = _counts(pred, gold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "n": len(gold)}


def worst(pipe: Pipeline, rows: list[dict], checkers: tuple[str, ...]) -> dict[str, list[Severity | None]]:
    """The most severe finding of each checker per row (None: no finding)."""
    out: dict[str, list[Severity | None]] = {c: [] for c in checkers}
    for r in pipe.check_many([{"text": r["text"], "lang": r["lang"]} for r in rows]):
        for c in checkers:
            sev = [f.severity for f in getattr(r, "findings", []) if f.checker == c]
            out[c].append(max(sev) if sev else None)
    return out


def at_least(sev: list[Severity | None], cut: Severity) -> list[bool]:
    return [s is not None and s >= cut for s in sev]


def baseline_legal(rows: list[dict]) -> list[bool]:
    rx = {k: re.compile(r"\b(?:" + "|".join(map(re.escape, v)) + r")\b", re.I) for k, v in BASELINE_WORDS.items()}
    return [bool(rx[r["lang"]].search(r["text"])) for r in rows]


def _f1(pred: list[bool], gold: list[bool]) -> float:
    """F1 unrounded (``prf`` rounds for printing; the bootstrap compares small differences)."""
    tp, fp, fn = _counts(pred, gold)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def margin(ours: list[bool], base: list[bool], gold: list[bool], *, resamples: int = 1000, seed: int = 0) -> dict:
    """How firm "ours beats the baseline" is: F1(ours) - F1(baseline) over bootstrap resamples of the
    rows (fixed seed, so the figures are reproducible). A held-out split is another sample of the same
    kind, so a share of wins near 0.5 means the comparison could go either way there."""
    rng = random.Random(seed)
    n = len(gold)
    diffs = []
    for _ in range(resamples):
        idx = [rng.randrange(n) for _ in range(n)]
        g = [gold[i] for i in idx]
        diffs.append(_f1([ours[i] for i in idx], g) - _f1([base[i] for i in idx], g))
    diffs.sort()
    return {
        "share_of_resamples_won": round(sum(d > 0 for d in diffs) / resamples, 3),
        "f1_difference_90pct": [round(diffs[int(0.05 * resamples)], 3), round(diffs[int(0.95 * resamples)], 3)],
    }


def _accept(res: dict, key: str, ours: list[bool], base: list[bool], gold: list[bool]) -> None:
    o, b = prf(ours, gold), prf(base, gold)
    res["acceptance"][key] = {"ours_f1": o["f1"], "baseline_f1": b["f1"], "met": o["f1"] > b["f1"], **margin(ours, base, gold)}


def evaluate(pipe: Pipeline, eval_dir: Path) -> dict:
    res: dict = {"acceptance": {}, "claims": {}, "legal": {}, "hatecheck_functionality": {}}
    for name in ("ct24_checkworthy_nl", "ct24_checkworthy_en"):
        rows = load(eval_dir, name)
        gold = [bool(r["risk"]) for r in rows]
        sev = worst(pipe, rows, ("claims",))["claims"]
        numbers = [any_number(r["text"], r["lang"]) for r in rows]
        res["claims"][name] = {
            **{f"claims>={k}": prf(at_least(sev, c), gold) for k, c in CUTS.items()},
            "baseline_any_number": prf(numbers, gold),
            "reference_any_digit_character": prf([bool(re.search(r"\d", r["text"])) for r in rows], gold),
            "reference_digit_in_own_text": prf([bool(re.search(r"\d", own_text(r["text"]))) for r in rows], gold),
            "reference_flag_every_post": prf([True] * len(rows), gold),
        }
        _accept(res, f"{name}: claims>=low vs any number", at_least(sev, Severity.LOW), numbers, gold)
    for name in ("hatecheck_nl", "olid_en"):
        rows = load(eval_dir, name)
        gold = [bool(r["risk"]) for r in rows]
        sev = worst(pipe, rows, ("legal", "tone"))
        flagged = at_least(sev["legal"], Severity.MEDIUM)
        base = baseline_legal(rows)
        res["legal"][name] = {"legal>=medium": prf(flagged, gold), "baseline_wordlist": prf(base, gold)}
        if name == "hatecheck_nl":
            _accept(res, "hatecheck_nl: legal vs hateful", flagged, base, gold)
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
            # Targeted insult at an individual (TIN+IND) is belediging/smaad: legal's notion. OFF also holds
            # untargeted swearing and insults of groups, which the tone checker covers: legal or tone.
            ind = [g and r.get("label_b") == "TIN" and r.get("label_c") == "IND" for r, g in zip(rows, gold)]
            tin = [g and r.get("label_b") == "TIN" for r, g in zip(rows, gold)]
            either = [a or b for a, b in zip(flagged, at_least(sev["tone"], Severity.MEDIUM))]
            o = res["legal"][name]
            o["legal>=medium vs gold=TIN+IND"] = prf(flagged, ind)
            o["baseline vs gold=TIN+IND"] = prf(base, ind)
            o["legal|tone>=medium vs gold=OFF"] = prf(either, gold)
            o["legal>=medium vs gold=TIN"] = prf(flagged, tin)
            o["baseline vs gold=TIN"] = prf(base, tin)
            _accept(res, "olid_en: legal vs targeted insult at an individual (TIN+IND)", flagged, base, ind)
            _accept(res, "olid_en: legal|tone vs OFF", either, base, gold)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    pipe = Pipeline(Config(), checkers=["legal", "claims", "tone"])
    res = evaluate(pipe, args.eval)
    text = json.dumps(res, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
