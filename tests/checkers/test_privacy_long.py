"""Long hostile posts: the privacy checker's work grows about linearly with a post's length, and a sentence
repeated many times is judged as it is alone. No timings: the work is counted (Python and C calls made by
the checker, whole-post lexicon scans), so the tests are deterministic and fast; on the quadratic version
(52 kB in ~15 s, 99 kB in ~70 s) a post four times as long cost 5.5 to 52 times the calls."""

from __future__ import annotations

import random
import sys

import pytest
import regex

from socialrisk.checkers import _match
from socialrisk.checkers import privacy as P

ALL = {"min_severity": "info"}

# one unit of each hostile shape that was quadratic (a post is the unit repeated)
SHAPES = [
    ("Jan de Vries woont op de Dorpsstraat 12 en is bereikbaar op 06-12345678. ", "nl"),  # full names repeated
    ("Sarah Miller Tom Walker Joan Birch Gary Moss ", "en"),  # names without brackets or commas
    ("Call 07700 900123 or 020-1234567, ", "en"),  # numbers: context words, own-line words
    ("Jan de Vries heeft kanker en Piet Jansen heeft depressie en ", "nl"),  # names and facts in one sentence
    ("Jan de Vries woont op de Dorpsstraat 12 en Piet Jansen woont op de Kerkweg 8 en ", "nl"),  # homes
    ("@jan, je hebt kanker en @piet heeft depressie ", "nl"),  # handles addressed
    ("Contact Sandra Smith on 07700 900123 or sandra.smith@gmail.com. Her son Tim (12) goes to Westfield Primary. ",
     "en"),
    ("https://example.com/a?token=abc123 06-12345678 ", "en"),  # numbers and domains
]


def _calls(pipeline, monkeypatch, text: str, lang: str) -> int:
    """How many Python and C calls the privacy checker makes on ``text``."""
    checker = pipeline.checker("privacy")
    check = type(checker).check
    count = [0]

    def profile(frame, event, arg):
        count[0] += 1

    def counted(analysis, policy):
        sys.setprofile(profile)
        try:
            return check(checker, analysis, policy)
        finally:
            sys.setprofile(None)

    monkeypatch.setattr(checker, "check", counted)
    try:
        pipeline.check(text, lang=lang)
    finally:
        monkeypatch.undo()
    return count[0]


@pytest.mark.parametrize("unit,lang", SHAPES)
def test_work_grows_linearly_with_the_post(pipeline, monkeypatch, unit, lang):
    pipeline.check(unit * 2, lang=lang)  # warm: the analyzer, the name sets, compiled patterns
    short = _calls(pipeline, monkeypatch, unit * 10, lang)
    long = _calls(pipeline, monkeypatch, unit * 40, lang)
    assert long < 5 * short, (short, long)  # linear: about 4 times; the quadratic version 5.5 to 52 times


@pytest.mark.parametrize("unit,lang", [
    ("Bel de gemeente op 14 020 of Jan op 06-12345678. ", "nl"),
    ("Call the council on 020 7946 0000 or Sandra Smith on 07700 900123. ", "en"),
    ("Sarah Miller lives at 221 Baker Street, pop round. ", "en"),
])
def test_whole_post_lexicon_scans_do_not_grow_with_the_hits(pipeline, monkeypatch, unit, lang):
    # the words around each number ("gemeente", "bereikbaar") were looked up by scanning the whole post again
    checker = pipeline.checker("privacy")
    check = type(checker).check
    find = _match.Lexicon._find_norm
    scans = [0]
    inside = [False]

    def counted_find(self, text, words=None):
        if inside[0] and len(text) > 200:  # a whole post, not a few words around a hit
            scans[0] += 1
        return find(self, text, words)

    def counted(analysis, policy):
        inside[0] = True
        try:
            return check(checker, analysis, policy)
        finally:
            inside[0] = False

    monkeypatch.setattr(_match.Lexicon, "_find_norm", counted_find)
    monkeypatch.setattr(checker, "check", counted)
    got = []
    for n in (10, 40):
        scans[0] = 0
        pipeline.check(unit * n, lang=lang)
        got.append(scans[0])
    assert got[0] == got[1], got


REPEATED = [
    ("Sarah Miller lives at 221 Baker Street. ", "en"),
    ("Jan de Vries woont op de Dorpsstraat 12. ", "nl"),
    ("Gerrit Hendriks heeft longkanker. ", "nl"),
    ("Gary Holt, the man who runs the chip shop, served three years for burglary. ", "en"),
    ("Kees Verhoef, die al jaren in de Lindelaan woont en elke zondag bij de voetbalclub helpt, is vorige maand "
     "opgenomen met een zware depressie. ", "nl"),
    ("Bel Anja op 06-12345678. ", "nl"),
    ("Bel de gemeente op 14 020. ", "nl"),
    ("Mijn BSN is 111222333. ", "nl"),
    ("Call 07700 900123 or 020-1234567. ", "en"),
]


@pytest.mark.parametrize("unit,lang", REPEATED)
def test_a_sentence_repeated_is_judged_as_alone(pipeline, unit, lang):
    def summary(text):
        report = pipeline.check(text, lang=lang, policy=ALL)
        return sorted((f.rule_id, f.severity.value, f.span.excerpt, len(f.related))
                      for f in report.findings if f.checker == "privacy")

    assert summary(unit * 60) == sorted(summary(unit) * 60)


def test_related_spans_are_the_nearest_few(pipeline):
    # a fact in a post with a private person's contact data points at that data: at the nearest ten of forty
    numbers = " ".join(f"Bel 06-1234{i:04d}." for i in range(40))
    text = f"{numbers} Mijn buurman heeft longkanker. {numbers}"
    report = pipeline.check(text, lang="nl", policy=ALL)
    fact = next(f for f in report.findings if f.rule_id == "PRIV-SPECIAL-CATEGORY")
    assert fact.severity.value == "blocker"
    assert len(fact.related) == P._RELATED_MAX
    at = fact.span.start
    distances = sorted(min(abs(r.start - at), abs(r.end - at)) for r in fact.related)
    assert distances[-1] < 200, distances  # the numbers right around the fact


def test_context_words_are_presidios(pipeline):
    # _ContextEnhancer finds a hit's context words by bisection: the words Presidio's own walk finds
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from socialrisk.checkers._privacy_engine import _ContextEnhancer

    pipeline.check("Bel 06-12345678.", lang="nl")
    _, engine, _, _ = pipeline.checker("privacy")._analyzer()
    words = "Bel 06-12345678 the tel: BSN nummer 123 , . is de het Jan de Vries : - passport IBAN".split()
    rng = random.Random(7)
    for lang in ("nl", "en"):
        for _ in range(25):
            text = " ".join(rng.choice(words) + rng.choice(["", " ", "  ", ":", "\n"]) for _ in range(rng.randint(1, 30)))
            artifacts = engine.artifacts(pipeline.nlp_for(lang)(text), lang)
            for before, after in ((6, 3), (0, 0), (2, 5)):
                enhancer = _ContextEnhancer(context_prefix_count=before, context_suffix_count=after)
                for start in range(0, len(text), 3):
                    try:
                        ours = sorted(enhancer._extract_surrounding_words(artifacts, "w", start))
                    except ValueError:
                        ours = None
                    try:
                        theirs = sorted(LemmaContextAwareEnhancer._extract_surrounding_words(enhancer, artifacts, "w", start))
                    except ValueError:
                        theirs = None
                    assert ours == theirs, (text, start)


class _Post:
    """What _PostIndex reads of an Analysis, for a post without sentences."""

    def __init__(self, text):
        self.text = text
        self.sentences = []
        self.sentence_starts = []

    def sentence_of(self, offset):
        return 0, len(self.text)


def test_post_index_is_str_split():
    rng = random.Random(11)
    pieces = ["a", "Jan", "06", ":", ",", "()", " ", "  ", "\n", "\t", "-", "é", "(72)", "al", "x:y"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        index = P._PostIndex(_Post(text))
        for _ in range(10):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            assert index.words_between(a, b) == len(text[a:b].split())
            assert index.wordish_between(a, b) == sum(bool(P._WORDISH.search(w)) for w in text[a:b].split())
            assert index.words_before(b, 2, a) == text[a:b].split()[-2:]
            stripped = [w for w in (v.strip(":,()").lower() for v in text[a:b].split()) if w]
            assert index.stripped_words(a, b, ":,()", 5, 4) == (stripped[:5], stripped[-4:])


def test_matches_after_a_name_are_the_plain_regex():
    # _party_after and _public_after's comma: matched where they can span, not searched to the end of the post
    rng = random.Random(5)
    pieces = [" ", "\n", "\t", ",", "(", ")", "VVD", "GL", "PvdA", "de ", "the", "our", "x", "A", "1", "&", "-"]
    rest = P._APPOSITIVE_REST
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        pos = rng.randint(0, len(text))
        assert P._party_after(text, pos) == bool(P._PARTY_AFTER.match(text, pos))
        q = P._LINE_SPACES.match(text, pos).end()
        m = rest.match(text, q + 1) if text[q:q + 1] == "," else None
        plain = P._APPOSITIVE.match(text, pos)
        assert (m and m.end()) == (plain and plain.end())
    assert isinstance(P._APPOSITIVE, regex.Pattern)
