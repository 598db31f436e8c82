"""The shared lexicon matcher: whole words on the normalised text, leftmost then longest, no overlaps.

The matcher runs only the terms whose longest word is in the post; these tests pin that it finds
exactly what one big alternation regex would.
"""

from __future__ import annotations

import random

import pytest
import regex

from socialrisk.analysis import normalize
from socialrisk.checkers._match import _B, _E, Lexicon, _term_regex


def _reference(terms: list[str], text: str, masked: bool = False) -> list[tuple[int, int]]:
    """What one alternation of all terms (longest first) finds in the normalised text."""
    uniq = sorted({t.strip() for t in terms}, key=lambda t: (-len(t), t))
    rx = regex.compile(_B + "(?:" + "|".join(_term_regex(t, masked) for t in uniq) + ")" + _E)
    return [m.span() for m in rx.finditer(normalize(text).text)]


def _spans(lex: Lexicon, text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in lex._find_norm(normalize(text).text)]


def test_whole_words_case_and_accents():
    lex = Lexicon(["leugenaar", "fraude"])
    assert [e for *_, e in lex.search_text("Die LEUGENAAR pleegde fraudé.")] == ["leugenaar", "fraude"]
    assert lex.search_text("leugenaars en anti-fraudeplan") == []


def test_longer_term_wins_at_the_same_start_and_hits_do_not_overlap():
    lex = Lexicon(["de beste", "beste", "de beste ooit"])
    assert lex.search_text("Dit is de beste ooit") == [(7, 20, "de beste ooit")]
    assert _spans(lex, "de beste ooit") == _reference(["de beste", "beste", "de beste ooit"], "de beste ooit")


def test_prefix_terms_and_multiword_spacing():
    lex = Lexicon(["corrupt*", "niet verspreiden"])
    hits = lex.search_text("Corruptie! Niet  verspreiden, niet-verspreiden.")
    assert [e for *_, e in hits] == ["corrupt*", "niet verspreiden", "niet verspreiden"]


def test_masked_letters_fall_back_to_the_full_alternation():
    lex = Lexicon(["kutzooi"], masked=True)
    assert [e for *_, e in lex.search_text("wat een k*tzooi")] == ["kutzooi"]


def test_terms_without_letters_are_always_tried():
    lex = Lexicon(["🤡", "100%"])
    assert [e for *_, e in lex.search_text("jij 🤡 en 100% zeker")] == ["🤡", "100%"]


def test_same_hits_as_one_big_alternation_on_random_text():
    rnd = random.Random(7)
    vocab = ["de", "beste", "niet", "nooit", "eerder", "ooit", "fraude", "fraudeur", "van", "der", "x"]
    terms = ["de beste", "nooit eerder", "fraude*", "van der", "niet", "beste ooit", "x x", "der*"]
    lex = Lexicon(terms)
    for _ in range(2000):
        text = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(0, 12)))
        assert _spans(lex, text) == _reference(terms, text), text


def test_pattern_leading_words_are_read_only_from_plain_openings():
    from socialrisk.checkers._match import _leading_words

    assert _leading_words(r"\b(?:niet|nooit)\s+zonder\b") == {"niet", "nooit"}
    assert _leading_words(r"\b(?:everyone|no\s+one)\s+is\b") == {"everyone", "no"}
    assert _leading_words(r"\bwaarom\s+x|\b(?:if|when)\b") == {"waarom", "if", "when"}
    assert _leading_words(r"\b(?:één|Twee)\b") == {"een", "twee"}
    # anything not plainly a whole leading word: no pre-check at all
    for source in (r"\bniet\s?zo", r"\bniet\s*zo", r"\bwords?\s", r"\b(?:\d+|twee)\s+op", r"(?<!\S)/s",
                   r"\b(?:a|b)\s+x|(?:if|when)\b", r"\b(?:a|b(?:c))\s", r"x\b(?:a)\s"):
        assert _leading_words(source) is None, source


@pytest.mark.parametrize("kind,sources,vocab", [
    ("leading", [r"\b(?:niet|nooit)\s+zonder\b", r"\b(?:everyone|no\s+one)\s+is\b", r"\b(?:één|twee)\b", r"\bniet\b"],
     ["Niet", "niet", "NOOIT", "zonder", "x", "no", "one", "is", "\u200bniet", "één", "een", "_niet", "niet-", "4"]),
    ("literals", [r"(?:phone|tel\.?|telefoon|call me on)\s*:?\s*\d", r"(?<![\w-])(?:tel|phone)\b"],
     ["Tel.", "tel", "TELEFOON", "phone:", "smartphone", "06-12345678", "call", "me", "on", "ß", "x", "İ"]),
    ("literals", [r"(?<![\p{L}])\p{L}{3,}(?:kanker|infarct)(?![\p{L}])", r"(?:\d{1,3}\s+)?\p{Lu}\p{Ll}+(?:straat|laan)\b",
                  r"\b(?:niet|geen)\s+(?:zo|heel\s+erg)\b", r"\d+(?:x|keer)|(?:straße|weg)\s\d"],
     ["longkanker", "KANKER", "Infarct", "hartinfarct", "Kerkstraat", "Dorpslaan", "Lange", "niet", "GEEN", "zo",
      "heel", "erg", "3x", "10", "keer", "Hauptstraße", "STRASSE", "weg", "7", "ẞ", "İ", "x"]),
    ("required", [r"\b(?:you|he)(?:\s+are|['’]re)\s+(?:so\s+|a\s+)*(?:stupid|a\s+disgrace)\b", r"\bniet\s+zonder\b",
                  r"colou?r\s+ab+c", r"\p{Lu}x{2}(?:straße|weg)\d{2,}\b", r"\bthe\s+(?:\p{L}{3,}est|largest)\b|(?i:Paid) for"],
     ["you", "He", "are", "'re", "so", "a", "stupid", "disgrace", "niet", "ZONDER", "color", "colour", "abbc", "ac",
      "Xxx", "STRASSE", "straße", "weg12", "The", "greatest", "largest", "paid", "for", "İ", "ẞ", "x"]),
    ("required", [r"(?:geboren|geb\.|d\.o\.b\.)\s*:?\s*\d", r"\b(?:St|Dr)\.\s+\p{Lu}", r"a\.?b\-c"],
     ["geb.", "GEB", "geb", "d.o.b.", "D.O.B", "dob", ":", "1", "St.", "st", "Dr.", "Jan", "ab-c", "a.b-c", "ab", "İ"]),
    ("required", [r"[!?¡‼]{3,}|‼|⁉", r"(?<!\S)/s(?![\p{L}\p{N}/])", r"tel\.?:\s*\d", r"\b(?:İstanbul|x)\s+[!?]"],
     ["!", "?", "!!!", "?!?", "‼", "⁉", "¡", "/s", "a/s", "/S", "tel:", "TEL.:", "tel", "3", "İSTANBUL", "istanbul", "x", "İ"]),
])
def test_pattern_pre_check_never_drops_a_match(kind, sources, vocab):
    from socialrisk.checkers._match import compile_pattern
    from socialrisk.rules import PatternSpec

    rnd = random.Random(3)
    for source in sources:
        pat = compile_pattern(PatternSpec(name="p", regex=source))
        assert getattr(pat, kind) is not None
        for _ in range(1500):
            text = " ".join(rnd.choice(vocab) for _ in range(rnd.randint(0, 8)))
            assert [m.span() for m in pat.finditer(text)] == [m.span() for m in pat.rx.finditer(text)], (source, text)


def test_a_hashtag_is_not_a_masked_letter():
    lex = Lexicon(["kutzooi", "rotzooi"], masked=True)
    assert [e for *_, e in lex.search_text("#rotzooi en #wonen")] == ["rotzooi"]
    assert lex._compiled is None  # hashtags alone never need the whole alternation
    assert [e for *_, e in lex.search_text("#wonen: wat een k#tzooi")] == ["kutzooi"]


def test_prefix_terms_longer_than_the_kept_prefixes_still_match():
    from socialrisk.checkers._match import _MAX_PREFIX

    stem = "x" * (_MAX_PREFIX + 5)
    lex = Lexicon([stem + "*", "ab*"])
    assert [e for *_, e in lex.search_text(f"een {stem}yz en abc")] == [stem + "*", "ab*"]
    assert lex.search_text("x" * (_MAX_PREFIX + 4)) == []


def test_one_huge_word_keeps_a_bounded_prefix_set():
    from socialrisk.checkers._match import _MAX_PREFIX, _Words

    # all prefixes of a 100 000-character word would be 5 * 10^9 characters (it took 7 s)
    assert len(_Words("1" * 100_000).prefixes) == _MAX_PREFIX
    assert Lexicon(["corrupt*", "fraude"]).search_text("1" * 100_000) == []


def test_pattern_leading_literals_are_read_only_from_plain_openings():
    from socialrisk.checkers._match import _leading_literals

    assert _leading_literals(r"(?<![\w-])(?:phone|tel\.?|call me on)\s*:") == ("call me on", "phone", "tel")
    assert _leading_literals(r"(?i:my name is|naam:)\s+") == ("my name is", "naam")
    assert _leading_literals(r"(?:driver'?s|Paspoort)\s") == ("driver", "paspoort")
    for source in (r"(?:\d+|twee)\s", r"(?:abc)?def", r"(?i)phone", r"\p{Lu}\p{Ll}+straat", r"x|\d"):
        assert _leading_literals(source) is None, source


def test_pattern_inner_literals_come_from_a_required_group_of_plain_words():
    from socialrisk.checkers._match import _inner_literals, compile_pattern
    from socialrisk.rules import PatternSpec

    assert _inner_literals(r"(?<![\p{L}])\p{L}{3,}(?:kanker|infarct)(?![\p{L}])") == ("infarct", "kanker")
    assert _inner_literals(r"\b(?:\d+|twee)\s+(?:keer|x)\s+(?:zoveel|meer)") == ("meer", "zoveel")  # most selective
    assert _inner_literals(r"\d(?:ab|cd)+x|(?:ef)y") == ("ab", "cd", "ef")
    assert _inner_literals(r"x(?:yz(?:ab)?)") == ("yz",)
    for source in (r"x(?:abc)?d", r"x(?:abc)*", r"x(?:abc){0,2}", r"x(?:a|\d)", r"x(?:ab)|\d", r"x(?=(?:ab))",
                   r"x[(?:ab)]"):
        assert _inner_literals(source) is None, source
    assert compile_pattern(PatternSpec(name="p", regex=r"(?x) \d (?:per se)")).literals is None  # verbose: no literals


def test_pattern_required_literals_ask_for_every_required_group():
    from socialrisk.checkers._match import _required_literals

    def groups(source):  # per branch, the set of groups (their order is a cost heuristic)
        found = _required_literals(source)
        return found and [set(branch) for branch in found]

    assert groups(r"\bnot\s+without\b") == [{frozenset({"not"}), frozenset({"without"})}]
    # the longest text of each alternative; an optional group or character promises nothing
    assert groups(r"\b(?:a\s+disgrace|vile)(?:\s+man)?x?y") == [{frozenset({"y"}), frozenset({"disgrace", "vile"})}]
    # quantifier digits and escapes (\p{L}, \x41) are no text; a class is skipped whole
    assert groups(r"\p{L}{3,}ab\x41[cd]{2}ef") == [{frozenset({"ab"}), frozenset({"c", "d"}), frozenset({"ef"})}]
    # plain punctuation is literal text; a class of plain characters needed at least once is a group
    assert groups(r"(?<!\S)/s(?![\p{L}/])") == [{frozenset({"/s"})}]
    assert groups(r"[!?‼]{3,}|‼") == [{frozenset({"!", "?", "‼"})}, {frozenset({"‼"})}]
    assert groups(r"[!?]{0,3}x") == groups(r"[!?]?x") == groups(r"[a-z]x") == groups(r"[^!]x") == [{frozenset({"x"})}]
    # an escaped punctuation mark is that mark; other escapes end the text
    assert groups(r"(?:geb\.|d\.o\.b\.)\s*\d") == [{frozenset({"geb.", "d.o.b."})}]
    assert groups(r"tel\.?:\d\.x") == [{frozenset({"tel"}), frozenset({":"}), frozenset({".x"})}]
    assert groups(r"\bDe\s+x|\b(?:a|b)\s") == [{frozenset({"de"}), frozenset({"x"})}, {frozenset({"a", "b"})}]
    for source in (r"[!?]{0,3}|‼", r"\d+\s+\d+", r"a|\d", r"(?x) abc", r"(?:a|\d)\s"):
        assert _required_literals(source) is None, source


def test_leading_words_pre_check_sees_words_as_word_boundaries_do():
    from socialrisk.checkers._match import compile_pattern
    from socialrisk.rules import PatternSpec

    pat = compile_pattern(PatternSpec(name="p", regex=r"\b(?:niet|nooit)\s+zonder\b"))
    for text in ["½niet zonder", "²niet zonder", "x_niet zonder", "NIET zonder", "één, niet zonder", "niet-zonder"]:
        assert [m.span() for m in pat.finditer(text)] == [m.span() for m in pat.rx.finditer(text)], text


def test_anchor_lookup_of_a_post_picks_the_same_terms_as_each_lexicon_alone():
    from socialrisk.checkers._match import _Words

    rnd = random.Random(11)
    lexicons = [Lexicon(["de beste", "fraude*", "niet"]), Lexicon(["x*", "van der", "nooit eerder"]), Lexicon(["🤡", "ooit"])]
    vocab = ["de", "beste", "niet", "nooit", "eerder", "ooit", "fraudeur", "van", "der", "x", "xy", "🤡", "z"]
    for _ in range(500):
        text = normalize(" ".join(rnd.choice(vocab) for _ in range(rnd.randint(0, 10)))).text
        shared, alone = _Words(text, shared=True), _Words(text)
        for lex in lexicons:
            assert lex._candidates(shared) == lex._candidates(alone), text


def test_a_lexicon_built_after_the_posts_lookup_still_finds_its_terms():
    from socialrisk.checkers._match import _Words

    words = _Words("een zeldzaamwoord hier", shared=True)
    assert Lexicon(["hier"])._candidates(words) == [0]  # the lookup happens here
    late = Lexicon(["zeldzaamwoord", "zeldzaam*"])
    assert late._candidates(words) == [0, 1]


def test_a_collected_lexicon_leaves_the_anchor_tables():
    import gc

    from socialrisk.checkers import _match

    lex = Lexicon(["eenmaligwoord", "eenmalig*"])
    assert "eenmaligwoord" in _match._WORD_OWNERS
    del lex
    gc.collect()
    Lexicon(["iets"])  # the next registration removes what was collected
    assert "eenmaligwoord" not in _match._WORD_OWNERS
    assert "eenmalig" not in _match._PREFIX_ANCHORS


def test_short_strings_searched_again_give_the_same_hits():
    lex = Lexicon(["hij", "zij"])
    first = lex.search_text("Hij")
    first.append((9, 9, "changed by a caller"))  # a caller's list is its own
    assert lex.search_text("Hij") == [(0, 3, "hij")]
    long_text = "en toen zei hij het nog eens, heel lang en breed uitgelegd"
    assert lex.search_text(long_text) == lex.search_text(long_text) == [(12, 15, "hij")]


def test_a_copied_lexicon_registers_its_own_anchors():
    import copy
    import pickle

    lex = Lexicon(["fraude*", "leugenaar"], masked=True)
    for twin in (pickle.loads(pickle.dumps(lex)), copy.deepcopy(lex)):
        assert twin._serial != lex._serial and twin.terms == lex.terms and twin.masked
        assert twin.search_text("Die leugenaar pleegde fraudes") == lex.search_text("Die leugenaar pleegde fraudes")


def test_literal_precheck_keeps_matches_on_dotted_capital_i():
    # regex matches "İ" as "i" when ignoring case; str.casefold() gives "i" + a combining dot.
    from socialrisk.checkers._match import _compiled_pattern

    pat = _compiled_pattern("t", r"(?:bij|zijn)\s+de\s+raad", True, 1.0)
    assert pat.literals or pat.required or pat.leading
    text = "BİJ DE RAAD"
    assert [m.group() for m in pat.finditer(text)] == [m.group() for m in pat.rx.finditer(text)] == [text]


def test_an_equals_sign_keeps_the_capitals_of_an_acronym():
    lex = Lexicon(["=OM", "=het OM", "fraude"])
    assert [e for *_, e in lex.search_text("Volgens het OM is het fraude.")] == ["het OM", "fraude"]
    assert [e for *_, e in lex.search_text("Het OM: fraude.")] == ["het OM", "fraude"]
    assert lex.search_text("Waar het om gaat: om te winnen.") == []
    assert [e for *_, e in lex.search_text("OM zegt nee")] == ["OM"]
    import pickle

    assert pickle.loads(pickle.dumps(lex)).search_text("om te") == []
