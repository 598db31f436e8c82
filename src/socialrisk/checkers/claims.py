"""Unverifiable claims: unsourced statistics, absolutes and superlatives, causal claims, certain
predictions and unattributed quotes.

Claims are a review matter, never a blocker: each rule's ``params.levels`` caps them at low/medium.
A source in the post (a link, "bron:", "volgens CBS", "according to ONS") or a hedge lowers a finding,
and the suggestion says what to add. Words and thresholds are data in ``rules/common/claims.yaml``.
"""

from __future__ import annotations

import functools
from typing import ClassVar

import regex
from pydantic import Field, field_validator

from ..models import Category, Severity
from ._match import Hit, covering, in_identifiers, per_rule
from ._target import FramedChecker, FramedParams, cue_hits, frame_of, param_lexicon, parse_params, rule_hits
from .base import register

WORD_KEYS = (
    "source", "vague_source", "hedge", "negation", "scale", "not_before", "not_after", "not_counting", "change", "standalone", "attribution",
    "speech", "claim", "plan", "question_word", "not_negation", "reports", "reported_by", "cited", "quantity", "street",
)
# Phone numbers, postcodes and ids: digit runs joined by - or /, or seven+ digits with no thousands dots.
_CODE = regex.compile(r"(?<![\w.,])\+?\d+(?:[-/]\d+)+(?![\w])|(?<![\w.,])\+?\d{7,}(?![\w])")
_NEXT_WORD = regex.compile(r"\s*(\p{L}[\p{L}\p{M}'-]*)")

# Which framing labels each mechanism can produce (all must be given in params.levels).
# "sourced", "cited" and "linked" are optional: a rule without "sourced" drops hits whose sentence names a source,
# one without "linked" treats a link in the post as a named source, one without "cited" ignores a source
# named elsewhere in the post ("... 35% meer. Bron: CBS"). A statistic rule may also give
# "bare" (a plain figure: nothing is claimed about it) and "plan" (a figure in a plan, demand or
# announcement of one's own: a target, not a claim about the world); without them every figure is "fact".
MECHANISMS: dict[str, tuple[str, ...]] = {
    "statistic": ("fact", "hedged"),
    "phrase": ("fact", "hedged"),
    "causal": ("fact", "with_figure", "hedged"),
    "quote": ("fact",),  # optional "linked": a quote in a post with a link is mostly a shared headline
}
# "'...' - Naam" or "'...' (@naam)": a quote signed by its speaker.
_SIGNED = regex.compile(r"\s*[-–—(]\s*(?:@\w|\p{Lu})")
# Where a clause ends inside a spaCy sentence: a line break or end punctuation ("80 DODEN\nHoe kan dat?").
_CLAUSE_BREAK = regex.compile(r"[\n.!;:…]")
# What may stand between a negation and the claim it negates: no clause break ("Het is geen X, Y is Z").
_NEGATION_BREAK = regex.compile(r"[\n,.!?;:…()–—]|\s-\s")
# Numbers that are not statistics: a year, a date or a time of day says when, not how much.
STAT_KINDS = frozenset({"percent", "money", "number"})


class ClaimParams(FramedParams):
    """The non-word params of a claims rule."""

    kinds: list[str] = Field(default_factory=lambda: sorted(STAT_KINDS))
    min_count: float = Field(default=10, ge=0, description="a bare count below this is not a statistic")
    min_words: int = Field(default=4, ge=1, description="a quote shorter than this is a scare quote, not a quote")
    max_severity: Severity = Severity.MEDIUM
    citation: str | None = Field(
        default=None, description="regex of a citation in brackets in the sentence: '(HSE figures, Jan 2024)'"
    )

    @field_validator("citation")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                regex.compile(value)
            except regex.error as exc:
                raise ValueError(f"not a valid regex ({exc})") from None
        return value


def _params(rule) -> ClaimParams:
    p = parse_params(rule, ClaimParams, MECHANISMS, WORD_KEYS)
    if bad := set(p.kinds) - STAT_KINDS:
        raise ValueError(f"params.kinds: {sorted(bad)} are not statistics; use {sorted(STAT_KINDS)}")
    if p.max_severity > Severity.MEDIUM or any(lvl.severity > p.max_severity for lvl in p.levels.values()):
        raise ValueError("params.levels: a claim is a review matter; severity medium at most")
    return p


@functools.lru_cache(maxsize=32)
def _citation(source: str) -> "regex.Pattern[str]":
    return regex.compile(source, regex.V0)


def _street_words(rule, lang: str) -> tuple[str, ...]:
    """The street-name endings of ``params.street`` ("straat", "road"), case-folded, for ``_house_number``."""
    def build():
        spec = rule.params.get("street") or {}
        return tuple(sorted({w.casefold() for w in (*spec.get("all", []), *spec.get(lang, []))}, key=len, reverse=True))
    return per_rule(rule, ("street", lang), build)


_HOUSE_NUMBER = regex.compile(r"\d{1,4}(?:\s?[a-zA-Z])?")
_WORD = regex.compile(r"[\p{L}'-]+|[^\p{L}\s]+")


def _house_number(text: str, start: int, end: int, endings: tuple[str, ...]) -> bool:
    """Whether the number at ``[start, end)`` is a house number: right after a word ending in a street word
    ("Dorpsstraat 12", "Kerkweg 8a") or right before up to three words, the last ending in one ("14 Elm Road").
    Only the words next to the number are read (a scan of the whole post per number is not needed)."""
    if not endings or not _HOUSE_NUMBER.fullmatch(text[start:end]):
        return False
    before = text[max(0, start - 40) : start]
    words = before.split()
    if words and before[-1:].isspace() and words[-1].casefold().endswith(endings) and words[-1].isalpha():
        return True
    if start and (text[start - 1].isalnum() or text[start - 1] in ".,"):
        return False
    after = text[end : end + 80]
    if after[:1].isalpha():  # "12a Elm Road": a letter written against the number
        after = after[1:]
    if not after[:1].isspace():
        return False
    for word in _WORD.findall(after)[:3]:
        if word.casefold().endswith(endings):
            return True
        if not word[:1].isupper():  # the words before the street word are its name ("Mill", "Church")
            return False
    return False


def _value(text: str) -> float | None:
    """The numeric value of a number as written ("1.200", "3,5"), or None."""
    digits = "".join(c for c in text if c.isdigit() or c in ".,")
    if not digits:
        return None
    # Dutch and English swap "." and ","; a separator followed by exactly three digits groups thousands.
    parts = [p for p in digits.replace(",", ".").split(".") if p]
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return float("".join(parts))
    try:
        return float(".".join(parts[:2]))
    except ValueError:
        return None


@register("claims")
class ClaimsChecker(FramedChecker):
    """Statistics, absolutes, causal claims, certain predictions and quotes stated without a source."""

    categories: ClassVar = frozenset({Category.CLAIMS})

    @classmethod
    def parse(cls, rule) -> ClaimParams:
        return _params(rule)

    # -- helpers ---------------------------------------------------------------------------

    def _label(self, rule, analysis, start: int, end: int) -> str | None:
        """sourced / hedged / linked / fact; None when negated, asked or quoted (then nothing is claimed).

        A source named in the sentence ("bron:", "volgens CBS") or in a link's address is the fix. Any
        other link is weaker evidence:
        nobody can tell from the post what it supports, and most are shortened (t.co), so it lowers a
        finding to the rule's ``linked`` level instead of removing it; a rule without that level treats
        a link as a named source.
        """
        frame = frame_of(rule, analysis, start, end, ("hedge", "negation"))
        if frame.quoted or (frame.question and self._asked(rule, analysis, start, end)):
            return None
        if self._negated(rule, analysis, frame, start):
            return None
        a, b = analysis.sentence_of(start)
        # "#rivm" or "@cbs" is a topic or an addressee, not a source ("volgens @cbs" is, by its "volgens");
        # a tag that reports ("#RIVM meldt", "bevestigd door @minister") is the source of what follows.
        tags = [(f.start, f.end) for f in (*analysis.hashtags, *analysis.mentions)]
        if self._reported(rule, analysis, tags, a, b):
            return "sourced"
        # "volgens mij", "uit onderzoek blijkt", "studies show" look like sources but name none.
        lo, hi = min(a, start), max(b, end)
        vague = [(h.start, h.end) for h in cue_hits(analysis, param_lexicon(rule, "vague_source", analysis.lang), lo, hi)]
        source = param_lexicon(rule, "source", analysis.lang)
        if cue_hits(analysis, source, lo, hi, [*tags, *vague]):
            return "sourced"
        # "(HSE figures, Jan 2024)", "(CBS, 2023)": a citation in brackets names the source in the sentence.
        citation = self.params[rule.id].citation
        if citation and _citation(citation).search(analysis.text, lo, hi):
            return "sourced"
        # A link whose address names a source (cbs.nl, ons.gov.uk) cites it, wherever it stands.
        if any(cue_hits(analysis, source, u.start, u.end) for u in analysis.urls):
            return "sourced"
        # "Bron: CBS" on a line of its own: the post names where its figures come from, though not next to this one.
        if "cited" in self.params[rule.id].levels and self._cited(rule, analysis, tags):
            return "cited"
        if frame.has("hedge"):
            return "hedged"
        if analysis.urls:
            return "linked" if "linked" in self.params[rule.id].levels else "sourced"
        return "fact"

    def _cited(self, rule, analysis, tags: list[tuple[int, int]]) -> bool:
        """Whether the post labels a source anywhere: a word of ``params.cited`` before a colon or after a
        bracket ("Bron: CBS", "(source ONS)"), outside @handles and #tags."""
        text = analysis.text
        return any(
            text[h.end :].lstrip().startswith(":") or text[: h.start].rstrip().endswith("(")
            for h in cue_hits(analysis, param_lexicon(rule, "cited", analysis.lang), 0, len(text), tags)
        )

    def _reported(self, rule, analysis, tags: list[tuple[int, int]], a: int, b: int) -> bool:
        """Whether a @handle or #tag in the sentence is the subject of a reporting verb ("#RIVM meldt",
        "@NOS: ... bevestigd door @minister"): then the post says who the figure comes from."""
        reports = param_lexicon(rule, "reports", analysis.lang)
        reported_by = param_lexicon(rule, "reported_by", analysis.lang)
        text = analysis.text
        for t0, t1 in tags:
            if not a <= t0 < b:
                continue
            if any(h.start >= t1 and not text[t1 : h.start].strip() for h in cue_hits(analysis, reports, t1, b)):
                return True
            if any(h.end <= t0 and not text[h.end : t0].strip() for h in cue_hits(analysis, reported_by, a, t0)):
                return True
        return False

    def _asked(self, rule, analysis, start: int, end: int) -> bool:
        """Whether the hit is part of the question its sentence ends with.

        spaCy often keeps a statement and the question after it in one sentence ("80 doden hoe zit dat
        nu??", a line of capitals, no full stop). A figure stated before the question starts - before
        a line break or end punctuation, or before a question word (hoe, waarom; how, why) - is still
        stated; a question word before the hit ("waarom zijn er 80 ...") makes the hit part of it.
        """
        a, b = analysis.sentence_of(start)
        a = min(a, start)
        q = analysis.text.rfind("?", end, b + 3)
        if q < 0:
            return True
        if _CLAUSE_BREAK.search(analysis.text, end, q):
            return False
        words = cue_hits(analysis, param_lexicon(rule, "question_word", analysis.lang), a, q + 1)
        if not words:
            return True
        clause = max((m.end() for m in _CLAUSE_BREAK.finditer(analysis.text, a, start)), default=a)
        return any(clause <= w.start < start for w in words) or not any(w.start >= end for w in words)

    def _negated(self, rule, analysis, frame, start: int) -> bool:
        """A negation shortly before the hit, in the same clause, that is not "niet alleen" / "not only"."""
        window = self.params[rule.id].negation_window
        negs = [n for n in frame.cues.get("negation", []) if 0 <= start - n.end <= window]
        if not negs:
            return False
        text = analysis.text
        a, _ = analysis.sentence_of(start)
        not_neg = cue_hits(analysis, param_lexicon(rule, "not_negation", analysis.lang), min(a, negs[0].start), start)
        return any(
            not _NEGATION_BREAK.search(text, n.end, start) and not any(x.start <= n.start < x.end for x in not_neg)
            for n in negs
        )

    def _statistics(self, rule, p: ClaimParams, analysis) -> list[Hit]:
        """Statistic-like numbers and change words ("verdubbeld", "record"), minus labels, units and ids.

        Computed once per post and rule: the causal rule asks again for every cause it finds."""
        key = ("claims.statistics", rule.id)
        got = analysis.cache.get(key)
        if got is None:
            got = analysis.cache[key] = self._find_statistics(rule, p, analysis)
        return got

    def _find_statistics(self, rule, p: ClaimParams, analysis) -> list[Hit]:
        lang = analysis.lang
        scale = param_lexicon(rule, "scale", lang)
        not_before = param_lexicon(rule, "not_before", lang)
        not_after = param_lexicon(rule, "not_after", lang)
        not_counting = param_lexicon(rule, "not_counting", lang)
        text = analysis.text
        out = list(rule_hits(rule, analysis))
        in_code = covering(m.span() for m in _CODE.finditer(text))
        in_id = in_identifiers(analysis)
        endings = _street_words(rule, lang)
        for n in analysis.numbers:
            # A postcode, phone number, IBAN or house number ("Dorpsstraat 12", "14 Elm Road") says where.
            if in_code(n.start, n.end) or in_id(n.start, n.end) or _house_number(text, n.start, n.end, endings):
                continue
            if n.kind not in p.kinds or analysis.inside(n.start, n.end, analysis.quotes):
                continue
            before = text[max(0, n.start - 20) : n.start]
            after = text[n.end : n.end + 20]
            # "lijst 3", "artikel 266", "stap 2": a number that names something is not a statistic.
            if any(not before[e:].strip(" #.:-") for _, e, _ in not_before.search_text(before)):
                continue
            if any(not after[:s].strip() for s, _, _ in not_after.search_text(after)):
                continue
            if n.kind == "number":
                value = _value(n.text)
                scaled = any(not after[:s].strip() for s, _, _ in scale.search_text(after))
                if not scaled and (value is None or value < p.min_count):
                    continue
                # A count counts something: "1.200 woningen". "Dorpsstraat 12 in Zwolle" is an address.
                noun = _NEXT_WORD.match(after)
                if not scaled and (noun is None or not_counting.search_text(noun.group(1))):
                    continue
            out.append(Hit(n.start, n.end, n.kind))
        return sorted(out, key=lambda h: h.start)

    def _counts_like_number(self, rule, analysis, h: Hit) -> bool:
        """Whether a hit is a number, or a quantity word that stands for one ("miljoenen", "hundreds of")."""
        if h.term in STAT_KINDS:
            return h.term != "percent"
        return bool(cue_hits(analysis, param_lexicon(rule, "quantity", analysis.lang), h.start, h.end))

    # -- mechanisms: each yields (label, span, related spans, term) ------------------------------

    def _statistic(self, rule, p, analysis):
        by_sentence: dict[tuple[int, int], list[Hit]] = {}
        for h in self._statistics(rule, p, analysis):
            by_sentence.setdefault(analysis.sentence_of(h.start), []).append(h)
        lang = analysis.lang
        claim, plan = param_lexicon(rule, "claim", lang), param_lexicon(rule, "plan", lang)
        for (a, b), hits in by_sentence.items():
            first = hits[0]
            label = self._label(rule, analysis, first.start, first.end)
            if label is None:
                continue
            a, b = min(a, first.start), max(b, hits[-1].end)
            if label != "sourced" and "plan" in p.levels and cue_hits(analysis, plan, a, b):
                label = "plan"
            elif label == "fact" and "bare" in p.levels:
                # A percentage, a change word of the rule ("verdubbeld") or a claim word in the sentence
                # ("gestegen", "gemiddeld", "only") makes a figure a statistic; otherwise it is just a figure,
                # as is a quantity word without one ("miljoenen", "hundreds of"): nothing to check it against.
                strong = any(not self._counts_like_number(rule, analysis, h) for h in hits)
                if not strong and not cue_hits(analysis, claim, a, b, [(h.start, h.end) for h in hits]):
                    label = "bare"
            yield label, (first.start, first.end), [(h.start, h.end) for h in hits[1:]], first.term

    def _phrase(self, rule, p, analysis):
        for hit in rule_hits(rule, analysis, masked=p.masked):
            label = self._label(rule, analysis, hit.start, hit.end)
            if label is not None:
                yield label, (hit.start, hit.end), [], hit.term

    def _causal(self, rule, p, analysis):
        change = param_lexicon(rule, "change", analysis.lang)
        standalone = param_lexicon(rule, "standalone", analysis.lang)
        stat_rule = next((r for r in self.rules_for(analysis.lang) if self.params[r.id].mechanism == "statistic"), None)
        for hit in rule_hits(rule, analysis, masked=p.masked):
            a, b = analysis.sentence_of(hit.start)
            # A cause is a claim when something is said to have changed because of it ("door X zijn de
            # huren gestegen"), or when the word itself claims it ("veroorzaakt", "led to").
            moved = [h for h in cue_hits(analysis, change, a, max(b, hit.end)) if abs(h.start - hit.start) <= p.window]
            if not moved and not standalone.contains(analysis, hit.start, hit.end):
                continue
            label = self._label(rule, analysis, hit.start, hit.end)
            if label is None:
                continue
            figures = []
            if stat_rule is not None:
                figures = [h for h in self._statistics(stat_rule, self.params[stat_rule.id], analysis) if a <= h.start < b]
            if label == "fact" and figures:
                label = "with_figure"
            yield label, (hit.start, hit.end), [(h.start, h.end) for h in (*moved, *figures)], hit.term

    def _quote(self, rule, p, analysis):
        lang = analysis.lang
        attribution = param_lexicon(rule, "attribution", lang)
        text = analysis.text
        for q in analysis.quotes:
            if len(q.text.split()) < p.min_words:
                continue  # 'gratis', "experts": scare quotes and titles, not a quoted person
            a, b = max(0, q.start - p.window), min(len(text), q.end + p.window)
            if cue_hits(analysis, attribution, a, b, [(q.start, q.end)]):
                continue
            # "@naam: '...'" or "Naam: '...'" and "'...' - Naam" name the speaker.
            head, tail = text[max(0, q.start - 40) : q.start].rstrip(), text[q.end : q.end + 40]
            if head.endswith(":") or _SIGNED.match(tail) or any(m.end <= q.start and q.start - m.end <= 3 for m in analysis.mentions):
                continue
            yield ("linked" if analysis.urls and "linked" in p.levels else "fact"), (q.start, q.end), [], "quote"
