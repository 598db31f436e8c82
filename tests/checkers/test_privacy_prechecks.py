"""The name recognizer's pre-checks skip only posts where a pattern cannot match.

A pre-check that refused a post with a match would silently drop a name, so these compare every
recognizer with its pre-checks against the same recognizer running all of its patterns.
"""

from __future__ import annotations

import sys

import pytest
import regex

from socialrisk.checkers import _privacy_engine as engine
from socialrisk.rules import load_rules

TEXTS = [
    "Mevrouw Jansen uit de Dorpsstraat 12 heeft ons gebeld.",
    "MEVR. de Vries en DHR. Bakker waren er ook.",
    "Gisteren sprak ik met de heer Van den Berg over de buurt.",
    "De\u00a0heer Jansen en de  heer Pietersen kwamen samen.",
    "Mr. Smith and Dr Jones met Professor Hughes.",
    "\u0130mam Yilmaz sprak; \u212Aarel de Wit en Mi\u017F\u017F Ada Lovelace ook.",
    "Anneke van der Berg en Jan Jansen gaan samen.",
    "Yesterday I spoke with Margaret Hughes about her street.",
    "Volgens Pieter de Graaf klopt dat niet, zegt Kees Bakker.",
    "According to John Smith it is fine, said Mary Jones.",
    "Ingediend door J. de Vries en A.B. Jansen.",
    "My name is Lena Andersson, naam: Piet Hein.",
    "Patiënt: Karel Appel, klant: Els Borst.",
    "follow up with anna kowalczyk and mr. pemberton",
    "Said Lewis Forbes was there.",
    "Het kabinet faalt in de woningbouw.",
    "",
]


def _names(rule_id: str = "PRIV-PERSON"):
    rule = next(r for r in load_rules().rules if r.id == rule_id)
    return [engine.NameRecognizer(rule, lang, engine.name_data()) for lang in ("nl", "en")]


def _spans(recognizer, text: str) -> list[tuple]:
    return sorted((r.start, r.end, r.score, r.analysis_explanation.pattern_name) for r in recognizer.analyze(text, []))


@pytest.mark.parametrize("text", TEXTS)
def test_prechecks_change_no_result(text):
    for with_checks in _names():
        without = _names()[0 if with_checks.supported_language == "nl" else 1]
        without._prepare()
        for pattern in without._patterns:
            pattern._needs = None  # run every pattern on every post
        assert _spans(with_checks, text) == _spans(without, text)


def test_prechecks_are_in_place_for_the_shipped_patterns():
    recognizer = _names()[0]
    recognizer._prepare()
    checked = {p.name for p in recognizer._patterns if p._needs is not None}
    assert {"honorific", "first-last", "first-last-census", "speech-cue", "initials", "labelled"} <= checked


def test_a_pattern_compiles_only_when_a_post_needs_it():
    recognizer = _names()[0]
    recognizer.analyze("Het kabinet faalt in de woningbouw.", [])
    assert all(p._rx is None for p in recognizer._patterns if p._needs is not None)


def test_opening_placeholder_is_read_conservatively():
    assert engine._opening_placeholder(r"(?<![\p{L}])(?P<value><<first>>\s+<<surname>>)") == "first"
    assert engine._opening_placeholder(r"(?<![\p{L}])(?:<<hon>>)\.?\s+<<surname>>") == "hon"
    assert engine._opening_placeholder(r"(?<![\p{L}])(?:<<hon>>)?\s*<<surname>>") is None  # optional
    assert engine._opening_placeholder(r"(?<![\p{L}])(?:<<hon>>|x)\s+<<surname>>") is None  # a branch
    assert engine._opening_placeholder(r"(?<![\p{L}])<<first>>\s+<<surname>>|<<surname>>") is None
    assert engine._opening_placeholder(r"<<first>>\s+<<surname>>") is None  # no lookbehind: not a whole run


def test_opening_words_are_read_conservatively():
    assert engine._opening_words(r"(?<![\p{L}])(?i:says|according to)\s+x") == ("says", "according to")
    assert engine._opening_words(r"(?i:patiënt:|events?|ab+)\s") == ("pati", "event", "ab")
    assert engine._opening_words(r"(?i:says|said)?\s*x") is None  # optional
    assert engine._opening_words(r"(?i:says|x{2})") is None  # an alternative with no required text
    assert engine._opening_words(r"(?i:a\.b|c)") is None  # escapes: unclear
    assert engine._opening_words(r"(?x)(?i:a b|c)") is None  # verbose: the space is no text
    assert engine._opening_words(r"(?i:a|b)c|d") is None  # a second branch


def test_ascii_case_covers_every_character_regex_matches_to_an_ascii_letter():
    # ``_fold`` relies on this: a character regex takes for an ASCII letter folds to that letter.
    ascii_letter = regex.compile(r"[a-z]", regex.V0 | regex.IGNORECASE)
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if ascii_letter.fullmatch(ch) is None:
            continue
        folded = engine._fold(ch)
        assert len(folded) == 1 and "a" <= folded <= "z", hex(cp)
        assert regex.fullmatch(folded, ch, regex.V0 | regex.IGNORECASE), hex(cp)


DIGIT_TEXTS = [
    "Bel nul zes een twee drie vier vijf zes zeven acht!",
    "BEL NUL ZES, EEN-TWEE DRIE VIER VIJF",
    "Call zero six one two three four five six seven eight.",
    "Call Zero Six One Two Three Four",
    "one two three four five",  # five words: no run
    "Het is één twee drie vier vijf zes",  # not ASCII: always scanned
    "someone phoned: one, done, money, one two three",
    "",
]


@pytest.mark.parametrize("text", DIGIT_TEXTS)
def test_digit_run_precheck_changes_nothing(text):
    from socialrisk.checkers import privacy

    rules = [r for r in load_rules().rules if r.checker == "privacy"]
    for lang in ("nl", "en"):
        words = privacy._digit_words(rules, lang)
        rx = privacy._digit_run_regex(tuple(words))
        found = [m.span() for m in rx.finditer(text)]
        assert bool(found) <= privacy._may_hold_digit_run(text, words)
