"""Ambiguity: phrasing a reader can take the wrong way, and how to say it unambiguously.

Each rule names one mechanism in ``params.mechanism`` (vague promises, relative dates, negation,
referents, sarcasm, leading questions, context loss); the words it looks for are in the rule pack.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Callable, ClassVar, Iterator, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..models import Category, Finding, Severity
from ._match import (
    Lexicon, context_lexicon, covering, exclude_lexicon, in_identifiers, lexicon_for, per_object, post_hits, rule_lexicon,
    rule_patterns,
)
from .base import Checker, register

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis
    from ..policy import Policy
    from ..rules import Rule

__all__ = ["AmbiguityChecker", "sarcasm_spans"]

LangWords = dict[Literal["nl", "en", "all"], list[str]]
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
_CACHE_KEY = "ambiguity.sarcasm"


# Params are parsed once per checker and never changed, so what is built from their word lists is
# kept per list (``per_object``): rebuilding it for every post cost more than most of the matching.

def _lex(words: LangWords, lang: str) -> Lexicon:
    """The (cached) lexicon of a language's words plus the ``all`` ones."""
    return per_object(words, ("lex", lang), lambda: lexicon_for(tuple([*words.get("all", []), *words.get(lang, [])])))


def _words(words: LangWords, lang: str) -> frozenset[str]:
    """A language's words (plus ``all``), case-folded, for single-word lookups."""
    return per_object(words, ("words", lang), lambda: frozenset(w.casefold() for w in [*words.get("all", []), *words.get(lang, [])]))


def _folded_set(words: list[str]) -> frozenset[str]:
    """A plain word list, case-folded, for lookups (built once per list)."""
    return per_object(words, ("folded",), lambda: frozenset(w.casefold() for w in words))


@dataclass(frozen=True, slots=True)
class _Hit:
    """A proposed finding: where, and what differs from the rule's defaults."""

    start: int
    end: int
    severity: Severity | None = None
    score: float = 0.6
    replacement: str | None = None
    related: tuple[tuple[int, int], ...] = ()


# --------------------------------------------------------------------------- parameters

class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    mechanism: str
    misreading: str = Field(min_length=1, description="what a reader might understand")


class _VagueParams(_Params):
    """Vague words count only in a sentence that announces or promises (``match.context``)."""

    promise: LangWords = Field(default_factory=dict)
    promise_severity: Severity = Severity.MEDIUM


class _RelativeDateParams(_Params):
    scheduled_severity: Severity = Severity.MEDIUM
    day_offsets: dict[str, dict[str, int]] = Field(default_factory=dict)
    weekdays: dict[str, list[str]] = Field(default_factory=dict)
    months: dict[str, list[str]] = Field(default_factory=dict)


class _NegationParams(_Params):
    negators: LangWords
    stacked: int = Field(default=3, ge=2)
    stacked_severity: Severity = Severity.MEDIUM


class _PeopleParams(_Params):
    """How people and parties are recognised without NER: roles (+ name), full names, @mentions, parties."""

    roles: LangWords = Field(default_factory=dict)
    organisations: LangWords = Field(default_factory=dict)
    not_names: LangWords = Field(default_factory=dict)
    particles: list[str] = Field(default_factory=list)


class _OpeningParams(_PeopleParams):
    person: LangWords
    antecedent: LangWords = Field(default_factory=dict)
    demonstrative: LangWords = Field(default_factory=dict)
    verbs: LangWords = Field(default_factory=dict)
    demonstrative_severity: Severity = Severity.LOW
    named_severity: Severity = Severity.LOW


class _ReferentParams(_PeopleParams):
    pronouns: LangWords
    # within one sentence: a singular pronoun right after a conjunction ("... de burgemeester voordat hij ...")
    clause_pronouns: LangWords = Field(default_factory=dict)
    conjunctions: LangWords = Field(default_factory=dict)


class _SarcasmParams(_Params):
    # Markers that are also a sincere yes ("Ja hoor, dat kan!"): irony only with a cue (see _weak_is_ironic).
    weak: LangWords = Field(default_factory=dict)
    praise: LangWords = Field(default_factory=dict)
    eyeroll: list[str] = Field(default_factory=list)
    contrast: LangWords = Field(default_factory=dict)
    contrast_severity: Severity = Severity.LOW
    quote_cues: LangWords = Field(default_factory=dict)
    scare_quote_severity: Severity = Severity.LOW
    window: int = Field(default=160, ge=1)


class _LeadingParams(_Params):
    answers: LangWords = Field(default_factory=dict)


class _MidSentenceParams(_Params):
    continuations: LangWords


class _AbbreviationParams(_Params):
    known: list[str]
    max_caps_share: float = Field(default=0.3, ge=0, le=1)


class _BareNumberParams(_Params):
    measures: LangWords
    before: LangWords


# --------------------------------------------------------------------------- shared helpers

def _trigger_hits(rule: "Rule", analysis: "Analysis") -> Iterator[tuple[int, int]]:
    """Lexicon and pattern hits of a rule, in original offsets."""
    yield from _lex_hits(rule_lexicon(rule, analysis.lang), analysis)
    for pat in rule_patterns(rule, analysis.lang):
        for m in pat.finditer(analysis.text):
            if m.end() > m.start():
                yield m.start(), m.end()


def _lex_hits(lex, analysis: "Analysis", a: int = 0, b: int | None = None) -> list[tuple[int, int]]:
    """Hits of a lexicon in ``[a, b)``; the whole post is scanned once per lexicon and memoised."""
    return [(h.start, h.end) for h in post_hits(analysis, lex) if h.start >= a and (b is None or h.end <= b)]


def _in_sentence(analysis: "Analysis", lex: Lexicon, start: int) -> bool:
    return bool(_lex_hits(lex, analysis, *analysis.sentence_of(start)))


def _in_features(analysis: "Analysis", start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in (*analysis.urls, *analysis.mentions, *analysis.hashtags))


# --------------------------------------------------------------------------- mechanisms

def _vague(rule, p: _VagueParams, analysis) -> Iterator[_Hit]:
    lang = analysis.lang
    context = context_lexicon(rule, lang)
    for s, e in _trigger_hits(rule, analysis):
        if not _in_sentence(analysis, context, s):
            continue  # "veel dank" or "many people came" is not a promise
        promised = _in_sentence(analysis, _lex(p.promise, lang), s)
        yield _Hit(s, e, p.promise_severity if promised else None, 0.7 if promised else 0.5)


def _relative_date(rule, p: _RelativeDateParams, analysis) -> Iterator[_Hit]:
    lang, when = analysis.lang, analysis.post.scheduled
    offsets = {k.casefold(): v for k, v in p.day_offsets.get(lang, {}).items()}
    for s, e in _trigger_hits(rule, analysis):
        a, b = analysis.sentence_of(s)
        if any(n.kind == "date" and a <= n.start < b for n in analysis.numbers):
            continue  # "morgen, 12 maart" carries its own date
        if when is None:
            yield _Hit(s, e, score=0.5)
            continue
        off = offsets.get(" ".join(analysis.text[s:e].casefold().split()))
        swap = None
        if off is not None and p.weekdays.get(lang) and p.months.get(lang):
            try:
                day = when.date() + timedelta(days=off)
            except OverflowError:  # "scheduled: 9999-12-31" and "morgen": no such day to name
                day = None
            if day is not None:
                swap = f"{p.weekdays[lang][day.weekday()]} {day.day} {p.months[lang][day.month - 1]}"
        yield _Hit(s, e, p.scheduled_severity, 0.8, replacement=swap)


def _negation(rule, p: _NegationParams, analysis) -> Iterator[_Hit]:
    neg = _lex(p.negators, analysis.lang)
    for s, e in _trigger_hits(rule, analysis):
        a, b = analysis.sentence_of(s)
        stacked = len(_lex_hits(neg, analysis, a, b)) >= p.stacked
        yield _Hit(s, e, p.stacked_severity if stacked else None, 0.7 if stacked else 0.5)


def _opening_pronoun(rule, p: _OpeningParams, analysis) -> Iterator[_Hit]:
    text, lang = analysis.text, analysis.lang
    if text.lstrip().startswith("@"):
        return  # a reply: the thread gives the referent
    first = _WORD.search(text)
    if first is None:
        return
    lead = "".join(c for i, c in enumerate(text[: first.start()]) if not analysis.inside(i, i + 1, analysis.emoji))
    if lead.strip(" \t\n\"'“‘("):
        return  # something else opens the post ("...", a link)
    word = first.group().casefold()
    nxt = _WORD.search(text, first.end())
    follows = nxt.group().casefold() if nxt and not text[first.end(): nxt.start()].strip() else ""
    if word in _words(p.person, lang):
        if follows in _words(p.antecedent, lang):
            return  # "Zij die willen meedenken ...": the pronoun is explained right away
        named = bool(_referents(analysis, p, first.end(), len(text), parties=False))
        yield _Hit(first.start(), first.end(), p.named_severity if named else None, 0.4 if named else 0.6)
    elif word in _words(p.demonstrative, lang) and not analysis.urls and not analysis.post.media:
        if follows in _words(p.verbs, lang):
            yield _Hit(first.start(), first.end(), p.demonstrative_severity, 0.4)


_ACRONYM = regex.compile(r"(?<![\p{L}\p{N}&-])\p{Lu}[\p{Lu}\p{N}&]{1,5}(?![\p{L}\p{N}&])")
_ROMAN = regex.compile(r"[IVXLC]+")
_VOWEL = regex.compile(r"[AEIOUY]")


def _shouted_word(analysis: "Analysis", w: str) -> bool:
    """A word in capitals for emphasis ("NIET", "UPDATE"), not an abbreviation."""
    if analysis.doc.vocab[w.lower()].is_stop:
        return True
    return len(w) >= 5 and len(_VOWEL.findall(w)) >= 2  # abbreviations are short or vowel-poor


_CAPS_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])(\p{Lu}{2,}) $")
_CAPS_AFTER = regex.compile(r" (\p{Lu}{2,})(?![\p{L}\p{N}])")


def _shouted_phrase(analysis: "Analysis", start: int, end: int) -> bool:
    """Capitals next to a shouted word ("LET OP", "STOP NU"): a phrase in capitals, not an abbreviation."""
    text = analysis.text
    around = (_CAPS_BEFORE.search(text, max(0, start - 40), start), _CAPS_AFTER.match(text, end))
    return any(m is not None and _shouted_word(analysis, m.group(1)) for m in around)


_CAPS_NAME = regex.compile(r"\p{Lu}[\p{L}'’-]+")
_NAME_AFTER = regex.compile(r"[ \t]+([\p{L}'’-]+)")


def _referents(analysis, p: _PeopleParams, a: int, b: int, parties: bool = True) -> list[tuple[int, int]]:
    """Who a pronoun could point to in ``[a, b)``: roles (+ name), full names, @mentions, parties."""
    text, lang = analysis.text, analysis.lang
    not_names, particles = _words(p.not_names, lang), _folded_set(p.particles)
    found: list[tuple[int, int]] = []
    for h_start, h_end in _lex_hits(_lex(p.roles, lang), analysis, a, b):
        end = last = h_end
        # "minister Jansen", "wethouder De Vries": the role and the name are one person.
        while (m := _NAME_AFTER.match(text, end, b)) and (
            _CAPS_NAME.fullmatch(m.group(1)) or m.group(1).casefold() in particles
        ):
            end = m.end()
            last = end if _CAPS_NAME.fullmatch(m.group(1)) else last
        found.append((h_start, last))
    found += [(m.start, m.end) for m in analysis.mentions if a <= m.start < b]
    if parties:  # a party or an organisation: named (capitalised) or an acronym ("de VVD", "the NHS")
        found += [(s, e) for s, e in _lex_hits(_lex(p.organisations, lang), analysis, a, b) if text[s].isupper()]
        found += [m.span() for m in _ACRONYM.finditer(text, a, b) if not _shouted_word(analysis, m.group())]
    run: list[tuple[int, int]] = []
    starts = {s for s, _ in analysis.sentences}
    for m in [*_WORD.finditer(text, a, b), None]:
        w = m.group() if m else ""
        if m and _CAPS_NAME.fullmatch(w) and m.start() not in starts and w.casefold() not in not_names:
            run.append(m.span())
        elif m and run and w.casefold() in particles:
            continue
        else:
            if len(run) >= 2:  # two capitalised words: a full name, not a place or a sentence start
                found.append((run[0][0], run[-1][1]))
            run = []
    # Touching spans (a name run next to a role or a mention) are one referent.
    merged: list[tuple[int, int]] = []
    for s, e in sorted(found):
        if merged and s - merged[-1][1] <= 1 + (text[merged[-1][1]:s].strip() == ""):
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _two_referents(rule, p: _ReferentParams, analysis) -> Iterator[_Hit]:
    sents, pronouns = analysis.sentences, _lex(p.pronouns, analysis.lang)
    for (pa, pb), (a, b) in zip(sents, sents[1:]):
        first = _WORD.search(analysis.text, a, b)  # within the sentence: a post of 19 000 wordless ones was quadratic
        if first is None or first.start() != a or not pronouns.search_text(first.group()):
            continue  # only a sentence that opens with the pronoun: "... met minister Jansen. Hij ..."
        people = _referents(analysis, p, pa, pb)
        if len({analysis.text[s:e].casefold() for s, e in people}) >= 2:
            yield _Hit(first.start(), first.end(), score=0.5, related=tuple(people[-2:]))
    yield from _clause_referents(p, analysis)


def _clause_referents(p: _ReferentParams, analysis) -> Iterator[_Hit]:
    """"The minister met the mayor before he resigned", "De minister zei tegen de burgemeester dat hij ...":
    a singular pronoun opening a clause after two people named earlier in the same sentence."""
    lang, text = analysis.lang, analysis.text
    pronouns, conjunctions = _lex(p.clause_pronouns, lang), _lex(p.conjunctions, lang)
    if not pronouns or not conjunctions:
        return
    for c_start, c_end in _lex_hits(conjunctions, analysis):
        m = _WORD.search(text, c_end, c_end + 64)
        if m is None or text[c_end:m.start()].strip() or not pronouns.search_text(m.group()):
            continue
        a, _ = analysis.sentence_of(c_start)
        # people only: no parties, @handles (a reply's addressee) or shouted words ("LOVE that he ...")
        people = [
            (s, e) for s, e in _referents(analysis, p, a, c_start, parties=False)
            if "@" not in text[s:e] and not text[s:e].isupper()
        ]
        gap = text[people[-1][1]:c_start] if people else ""
        if len(gap.split()) > 3 or regex.search(r"[,;:]|\b(?:en|and)\b", gap):
            continue  # "... belde met minister De Graaf en zei dat hij ...": the subject said it of himself
        if len({text[s:e].casefold() for s, e in people}) >= 2:
            yield _Hit(m.start(), m.end(), score=0.5, related=tuple(people[-2:]))


_SENTENCE_END = regex.compile(r"[.!?]+(?:\s|$)|\n")
_ELLIPSIS = regex.compile(r"\s*(?:\.\.\.|…)")


def _weak_is_ironic(p: _SarcasmParams, analysis, rolls: list, s: int, e: int) -> bool:
    """Whether "ja hoor" / "yeah sure" is ironic: an eye-roll in the post, a scare quote or "weer" /
    "again" after it in its sentence (or opening the next: "Ja hoor!!! Weer een plan."), or it is a
    sentence of its own after a statement ("... Ja hoor.")."""
    text = analysis.text
    if rolls:
        return True
    stop = _SENTENCE_END.search(text, e)
    end = stop.start() if stop else len(text)
    contrast = _lex(p.contrast, analysis.lang)
    nxt = _WORD.search(text, stop.end()) if stop else None
    if _lex_hits(contrast, analysis, e, end) or (nxt and any(a == nxt.start() for a, _ in _lex_hits(contrast, analysis, nxt.start()))):
        return True
    if any(e <= q.start < end for q in analysis.quotes):
        return True
    before = text[:s].rstrip()
    return bool(before) and before[-1] in ".!" and not text[e:end].strip(" ,")


def _sarcasm(rule, p: _SarcasmParams, analysis) -> Iterator[_Hit]:
    text, lang = analysis.text, analysis.lang
    rolls = [f for f in analysis.emoji if any(f.text.startswith(r) for r in p.eyeroll)]
    weak = _lex(p.weak, lang)
    weak_hits = set(_lex_hits(weak, analysis)) if weak else set()
    for s, e in _trigger_hits(rule, analysis):
        if text[:s].rstrip().endswith("?"):
            continue  # "Mag dat? Ja hoor." answers a question
        if (s, e) in weak_hits and not _weak_is_ironic(p, analysis, rolls, s, e):
            continue  # "Ja hoor, dat kan!", "Ja hoor, u kunt zich nog aanmelden": a sincere yes
        yield _Hit(s, e, score=0.7)
    contrast = _lex(p.contrast, lang)
    for h_start, h_end in _lex_hits(_lex(p.praise, lang), analysis):
        after = text[h_end: h_end + p.window]
        stop = _SENTENCE_END.search(after)
        clause = after[: stop.start()] if stop else after  # the rest of the praise's sentence
        limit = h_end + (stop.end() if stop else len(after))
        roll = next((f for f in rolls if h_end <= f.start <= limit), None)
        lead = _ELLIPSIS.match(after)
        if roll is not None:
            yield _Hit(h_start, roll.end, score=0.7)
        elif lead:  # "Goed gedaan..." trails off
            yield _Hit(h_start, h_end + lead.end(), score=0.6)
        elif clause.startswith(",") and contrast and contrast.search_text(clause):
            # "Knap hoor, drie jaar plannen en nog steeds geen spade in de grond."
            yield _Hit(h_start, h_end + len(clause), p.contrast_severity, 0.5)
    cues = _lex(p.quote_cues, lang)
    for q in analysis.quotes:
        inner = q.text[1:-1]
        if not regex.fullmatch(r"\p{L}[\p{L}-]*", inner) or q.end - q.start >= len(text.strip()):
            continue
        cued = bool(cues) and bool(cues.search_text(text[max(0, q.start - 20): q.start]))
        if cued:
            yield _Hit(q.start, q.end, score=0.7)
        elif inner[0].islower():  # a capitalised quoted word is usually a name or title
            yield _Hit(q.start, q.end, p.scare_quote_severity, 0.4)


_CLAUSE_END = regex.compile(r"[.!?\n]")


def _leading_question(rule, p: _LeadingParams, analysis) -> Iterator[_Hit]:
    text, answers = analysis.text, _lex(p.answers, analysis.lang)
    for s, e in _trigger_hits(rule, analysis):
        end = _CLAUSE_END.search(text, e)
        if end is None or text[end.start()] != "?":
            continue
        nxt = _WORD.search(text, end.end())
        if nxt and any(a == nxt.start() for a, _ in _lex_hits(answers, analysis, nxt.start())):
            continue  # the post answers its own question ("Waarom weigert de gemeente ...? Omdat ..."): an FAQ
        yield _Hit(s, end.end(), score=0.7)


def _mid_sentence(rule, p: _MidSentenceParams, analysis) -> Iterator[_Hit]:
    text = analysis.text
    lead = _ELLIPSIS.match(text)
    if lead:
        s = len(lead.group()) - len(lead.group().lstrip())
        yield _Hit(s, lead.end(), score=0.7)
        return
    first = _WORD.search(text)
    if first is None or text[: first.start()].strip():
        return
    w = first.group()
    if w[0].islower() and w.casefold() in _words(p.continuations, analysis.lang):
        yield _Hit(first.start(), first.end(), score=0.6)


def _abbreviation(rule, p: _AbbreviationParams, analysis) -> Iterator[_Hit]:
    text = analysis.text
    known = _folded_set(p.known)
    words = _WORD.findall(text)
    if words and sum(w.isupper() and len(w) > 1 for w in words) / len(words) > p.max_caps_share:
        return  # a shouting post: the tone checker's business
    seen: set[str] = set()
    in_id = in_identifiers(analysis)
    for m in _ACRONYM.finditer(text):
        w = m.group()
        if (
            w.casefold() in known or w in seen or _ROMAN.fullmatch(w) or sum(c.isalpha() for c in w) < 2
            or _shouted_word(analysis, w) or _shouted_phrase(analysis, m.start(), m.end())
            or _in_features(analysis, m.start(), m.end()) or in_id(m.start(), m.end())
            or f"({w})" in text or text[m.end():].lstrip().startswith("(") or text[:m.start()].endswith("(")
        ):
            continue
        seen.add(w)
        yield _Hit(m.start(), m.end(), score=0.5)


def _lexicon(rule, p: _Params, analysis) -> Iterator[_Hit]:
    for s, e in _trigger_hits(rule, analysis):
        yield _Hit(s, e, score=0.5)


_BARE = regex.compile(r"(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)?(?=\s*(?:[.!?]+(?:\s|$)|$|\n))")


def _bare_number(rule, p: _BareNumberParams, analysis) -> Iterator[_Hit]:
    text, before = analysis.text, _words(p.before, analysis.lang)
    for n in analysis.numbers:
        if n.kind != "number" or not _BARE.match(text, n.start) or _in_features(analysis, n.start, n.end):
            continue
        prev = _WORD.findall(text[max(0, n.start - 30): n.start])
        colon = text[:n.start].rstrip().endswith(":")
        if (colon or (prev and prev[-1].casefold() in before)) and _in_sentence(analysis, _lex(p.measures, analysis.lang), n.start):
            yield _Hit(n.start, n.end, score=0.5)


_MECHANISMS: dict[str, tuple[type[_Params], Callable[..., Iterator[_Hit]]]] = {
    "vague": (_VagueParams, _vague),
    "relative_date": (_RelativeDateParams, _relative_date),
    "negation": (_NegationParams, _negation),
    "opening_pronoun": (_OpeningParams, _opening_pronoun),
    "two_referents": (_ReferentParams, _two_referents),
    "sarcasm": (_SarcasmParams, _sarcasm),
    "leading_question": (_LeadingParams, _leading_question),
    "mid_sentence": (_MidSentenceParams, _mid_sentence),
    "abbreviation": (_AbbreviationParams, _abbreviation),
    "lexicon": (_Params, _lexicon),
    "bare_number": (_BareNumberParams, _bare_number),
}


def _params(rule: "Rule") -> _Params:
    return _MECHANISMS[rule.params["mechanism"]][0].model_validate(rule.params)


def _hits(rule: "Rule", analysis: "Analysis", p: _Params | None = None) -> list[_Hit]:
    p = p or _params(rule)
    covered = covering(_lex_hits(exclude_lexicon(rule, analysis.lang), analysis))
    return [h for h in _MECHANISMS[p.mechanism][1](rule, p, analysis) if not covered(h.start, h.end)]


@functools.lru_cache(maxsize=1)
def _shipped_sarcasm_rules() -> tuple["Rule", ...]:
    from ..rules import load_rules

    return tuple(r for r in load_rules().for_checker("ambiguity") if r.params.get("mechanism") == "sarcasm")


def sarcasm_spans(analysis: "Analysis", rules: "tuple[Rule, ...] | None" = None) -> list[tuple[int, int]]:
    """(start, end) of irony and sarcasm markers; other checkers skip these to avoid double reports."""
    if rules is None and _CACHE_KEY in analysis.cache:
        return analysis.cache[_CACHE_KEY]
    use = _shipped_sarcasm_rules() if rules is None else rules
    spans = sorted({(h.start, h.end) for r in use if r.applies_to(analysis.lang) for h in _hits(r, analysis)})
    analysis.cache[_CACHE_KEY] = spans
    return spans


# --------------------------------------------------------------------------- the checker

@register("ambiguity")
class AmbiguityChecker(Checker):
    """Vague promises, relative dates, double negation, unclear referents, sarcasm, leading questions."""

    categories: ClassVar = frozenset({Category.AMBIGUITY})

    @classmethod
    def validate_rule(cls, rule: "Rule") -> None:
        mech = rule.params.get("mechanism")
        if mech not in _MECHANISMS:
            raise ValueError(f"params.mechanism must be one of {sorted(_MECHANISMS)}")
        try:
            _MECHANISMS[mech][0].model_validate(rule.params)
        except ValidationError as exc:
            e = exc.errors()[0]
            raise ValueError(f"params.{'.'.join(map(str, e['loc']))}: {e['msg']}") from None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._params = {r.id: _params(r) for r in self.rules}

    def check(self, analysis: "Analysis", policy: "Policy") -> list[Finding]:
        out: list[Finding] = []
        sarcasm: set[tuple[int, int]] = set()
        for rule in self.rules_for(analysis.lang):
            p = self._params[rule.id]
            for h in _hits(rule, analysis, p):
                if p.mechanism == "sarcasm":
                    sarcasm.add((h.start, h.end))
                out.append(self.finding(
                    rule, analysis, h.start, h.end, score=h.score, severity=h.severity,
                    replacement=h.replacement, related=h.related, details={"misreading": p.misreading},
                ))
        analysis.cache[_CACHE_KEY] = sorted(sarcasm)
        return out
