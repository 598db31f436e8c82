"""Shared, data-driven reading of a claim's frame: who it is aimed at, and whether it is hedged,
attributed, negated, reported or asked.

Every word list comes from a rule (``rule.params[<key>] = {nl: [...], en: [...], all: [...]}``), so
checkers that reuse these helpers (legal, claims, ambiguity, tone) bring their own vocabulary.
Offsets are original ``str`` offsets, like everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..models import Finding, Severity
from ._match import Hit, Lexicon, covering, exclude_lexicon, lexicon_for, per_rule, post_hits, term_hits
from .base import Checker

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis
    from ..rules import Rule

__all__ = [
    "Level",
    "FramedParams",
    "FramedChecker",
    "parse_params",
    "Target",
    "Frame",
    "check_word_params",
    "param_lexicon",
    "post_hits",
    "rule_hits",
    "cue_hits",
    "find_targets",
    "is_question",
    "frame_of",
    "between_has",
]

# Kinds of target, from most to least identifiable (a named person or handle is what smaad is about).
PERSON_KINDS = frozenset({"name", "handle", "office"})  # "office": one person by their office ("de burgemeester")
_INITIAL = regex.compile(r"[ \t]+\p{Lu}(?:\.|(?![\p{L}\p{N}]))")  # " B." or " Z" after a title
_LETTERS = regex.compile(r"[\p{L}\p{N}]")


class Level(BaseModel):
    """What one framing of a hit is worth: severity, confidence, and the reason added to the message."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    severity: Severity
    score: float = Field(ge=0.0, le=1.0)
    reason: str = ""


class FramedParams(BaseModel):
    """Params shared by rules whose severity depends on framing: a mechanism and its ``levels``."""

    model_config = ConfigDict(extra="allow", frozen=True)
    mechanism: str
    window: int = Field(default=80, ge=1, description="max characters between a hit and what it needs nearby")
    masked: bool = False
    negation_window: int = Field(default=30, ge=0, description="a negation this close before a hit cancels it")
    levels: dict[str, Level]


def parse_params(rule: "Rule", model: type[FramedParams], mechanisms: dict[str, tuple[str, ...]], word_keys: Iterable[str]):
    """Validate a framed rule's params (ValueError naming the field); returns the parsed model."""
    try:
        p = model.model_validate(rule.params)
    except ValidationError as exc:
        e = exc.errors()[0]
        raise ValueError(f"params.{'.'.join(map(str, e['loc']))}: {e['msg']}") from None
    labels = mechanisms.get(p.mechanism)
    if labels is None:
        raise ValueError(f"params.mechanism must be one of {sorted(mechanisms)}")
    missing = [k for k in labels if k not in p.levels]
    if missing:
        raise ValueError(f"params.levels lacks {missing}")
    check_word_params(rule, word_keys)
    return p


class FramedChecker(Checker):
    """A checker whose rules name a ``params.mechanism`` (a ``_<mechanism>`` method) and whose findings
    take severity, score and reason from ``params.levels[<framing label>]``.

    A mechanism yields ``(label, (start, end), related spans, term)``; a label without a level is
    dropped (an optional framing such as "sourced").
    """

    Params: ClassVar[type[FramedParams]] = FramedParams
    MECHANISMS: ClassVar[dict[str, tuple[str, ...]]] = {}
    WORD_KEYS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params = {r.id: self.parse(r) for r in self.rules}

    @classmethod
    def parse(cls, rule: "Rule") -> FramedParams:
        return parse_params(rule, cls.Params, cls.MECHANISMS, cls.WORD_KEYS)

    @classmethod
    def validate_rule(cls, rule: "Rule") -> None:
        cls.parse(rule)

    def check(self, analysis: "Analysis", policy: Any) -> list[Finding]:
        out: list[Finding] = []
        for rule in self.rules_for(analysis.lang):
            p = self.params[rule.id]
            for label, span, related, term in getattr(self, f"_{p.mechanism}")(rule, p, analysis):
                lvl = p.levels.get(label)
                if lvl is None:
                    continue
                out.append(
                    self.finding(
                        rule, analysis, span[0], span[1], score=lvl.score, severity=lvl.severity,
                        message=f"{rule.message} {lvl.reason}".strip(), related=related,
                        details={"framing": label, "term": term},
                    )
                )
        return out


def check_word_params(rule: "Rule", keys: Iterable[str], required: Iterable[str] = ()) -> None:
    """Raise ValueError unless each ``params[key]`` present is a {lang: [str]} mapping."""
    for key in required:
        if key not in rule.params:
            raise ValueError(f"params.{key} is required")
    for key in keys:
        spec = rule.params.get(key)
        if spec is None:
            continue
        if not isinstance(spec, dict) or set(spec) - {"nl", "en", "all"}:
            raise ValueError(f"params.{key} must map nl/en/all to lists of words")
        if not all(isinstance(v, list) and all(isinstance(w, str) for w in v) for v in spec.values()):
            raise ValueError(f"params.{key} must map nl/en/all to lists of words")


def param_lexicon(rule: "Rule", key: str, lang: str, *, masked: bool = False) -> Lexicon:
    """The lexicon in ``rule.params[key]`` for a language (empty when the rule has none)."""
    def build() -> Lexicon:
        spec: dict[str, list[str]] = rule.params.get(key) or {}
        return lexicon_for(tuple([*spec.get("all", []), *spec.get(lang, [])]), masked)

    return per_rule(rule, ("param", key, lang, masked), build)


def rule_hits(rule: "Rule", analysis: "Analysis", *, masked: bool = False) -> list[Hit]:
    """Hits of a rule's terms and patterns, minus those an ``exclude`` phrase covers; sorted, no overlaps."""
    hits = term_hits(rule, analysis, masked=masked)
    excl = exclude_lexicon(rule, analysis.lang)
    if excl:
        covered = covering((h.start, h.end) for h in post_hits(analysis, excl))
        hits = [h for h in hits if not covered(h.start, h.end)]
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start), -h.score)):
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


def cue_hits(analysis: "Analysis", lexicon: Lexicon, start: int, end: int, skip: Iterable[tuple[int, int]] = ()) -> list[Hit]:
    """Lexicon hits inside ``[start, end)`` that do not overlap any ``skip`` span."""
    skip = list(skip)
    return [
        h for h in post_hits(analysis, lexicon)
        if start <= h.start and h.end <= end and not any(h.start < b and a < h.end for a, b in skip)
    ]


def between_has(
    analysis: "Analysis", lexicon: Lexicon, a: tuple[int, int], b: tuple[int, int], skip: Iterable[tuple[int, int]] = ()
) -> bool:
    """Whether a cue (e.g. a negation) stands between two spans, outside both and outside ``skip``."""
    lo, hi = min(a[1], b[1]), max(a[0], b[0])
    return hi > lo and bool(cue_hits(analysis, lexicon, lo, hi, [a, b, *skip]))


def is_question(analysis: "Analysis", start: int, end: int) -> bool:
    """Whether the sentence holding ``[start, end)`` is a question."""
    _, b = analysis.sentence_of(start)
    tail = analysis.text[b - 1 : b + 3] if b else ""
    return "?" in tail


@dataclass(frozen=True, slots=True)
class Target:
    """Something a statement is aimed at: a name, @handle, organisation, pronoun, group term, or a
    capitalised sentence opener that may be a name ("word")."""

    kind: str
    start: int
    end: int

    @property
    def person(self) -> bool:
        return self.kind in PERSON_KINDS


def _name_runs(
    analysis: "Analysis", start: int, end: int, not_names: Lexicon, not_after: Lexicon | None
) -> Iterator[tuple[str, int, int]]:
    """Runs of capitalised words that look like a person's name (trained NER is used when present)."""
    doc = analysis.doc
    ents = [e for e in getattr(doc, "ents", ()) if e.label_ in ("PERSON", "PER")]
    if ents:
        for e in ents:
            if start <= e.start_char and e.end_char <= end:
                yield "name", e.start_char, e.end_char
        return
    # Word-list hits by start offset, found once for the whole post.
    stop = {h.start for h in post_hits(analysis, not_names)}
    after = {h.start for h in post_hits(analysis, not_after)} if not_after is not None else set()
    run: list[Any] = []
    for tok in [*doc, None]:
        name_like = (
            tok is not None
            and start <= tok.idx < end
            and tok.text[:1].isupper()
            and tok.text[1:2].islower()
            and tok.text.isalpha()
            and not tok.is_stop
            and tok.idx not in stop
            # "in Amsterdam", "uit Brussel": a place after a preposition, not a person
            and not (not run and tok.i > 0 and doc[tok.i - 1].idx in after)
        )
        if name_like:
            run.append(tok)
            continue
        if run:
            # A lone capitalised word opening a sentence may be a name or just the first word: "word".
            kind = "name" if len(run) > 1 or not run[0].is_sent_start else "word"
            yield kind, run[0].idx, run[-1].idx + len(run[-1].text)
        run = []


def find_targets(
    analysis: "Analysis",
    start: int,
    end: int,
    lexicons: dict[str, Lexicon],
    *,
    not_names: Lexicon | None = None,
    not_after: Lexicon | None = None,
    skip: Iterable[tuple[int, int]] = (),
    titles: Lexicon | None = None,
) -> list[Target]:
    """Targets inside ``[start, end)``: @handles, names, and one kind per lexicon (org, pronoun, group).

    ``titles`` (minister, burgemeester, mayor) count as an office (kind "office") only where they stand for one
    person without an article: opening a sentence headline-style ("Minister liegt over toeslagen") or
    before an initial ("Wethouder B. liegt"). Elsewhere a bare title is generic ("een minister die liegt").
    """
    skip = list(skip)
    taken: list[tuple[int, int]] = list(skip)
    out: list[Target] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    for kind, lex in lexicons.items():
        for h in cue_hits(analysis, lex, start, end, taken):
            out.append(Target(kind, h.start, h.end))
            taken.append((h.start, h.end))
    if titles is not None:
        text = analysis.text
        for h in cue_hits(analysis, titles, start, end, taken):
            if text[h.start : h.start + 1].isupper() and (
                _INITIAL.match(text, h.end) or not _LETTERS.search(text, analysis.sentence_of(h.start)[0], h.start)
            ):
                out.append(Target("office", h.start, h.end))
                taken.append((h.start, h.end))
    for m in analysis.mentions:
        if start <= m.start and m.end <= end and free(m.start, m.end):
            out.append(Target("handle", m.start, m.end))
            taken.append((m.start, m.end))
    if not_names is not None:
        key = ("_target.names", not_names, not_after)
        runs = analysis.cache.get(key)
        if runs is None:
            runs = analysis.cache[key] = list(_name_runs(analysis, 0, len(analysis.text), not_names, not_after))
        for kind, a, b in runs:
            if start <= a and b <= end and free(a, b):
                out.append(Target(kind, a, b))
    return sorted(out, key=lambda t: t.start)


@dataclass(frozen=True, slots=True)
class Frame:
    """How a statement is framed: the cue spans found for each kind (hedge, attribution, ...)."""

    cues: dict[str, list[Hit]]
    question: bool
    quoted: bool
    linked: bool

    def has(self, kind: str) -> bool:
        return bool(self.cues.get(kind))

    def negates(self, start: int, window: int) -> bool:
        """Whether a negation cue ends within ``window`` characters before ``start`` ("niet iedereen")."""
        return any(0 <= start - n.end <= window for n in self.cues.get("negation", []))

    def spans(self, *kinds: str) -> list[tuple[int, int]]:
        return [(h.start, h.end) for k in kinds for h in self.cues.get(k, [])]


def frame_of(
    rule: "Rule",
    analysis: "Analysis",
    start: int,
    end: int,
    kinds: Iterable[str],
    *,
    skip: Iterable[tuple[int, int]] = (),
) -> Frame:
    """Cues of each kind (``rule.params[kind]``) in the sentence of ``[start, end)``, plus question/quote/link."""
    a, b = analysis.sentence_of(start)
    a, b = min(a, start), max(b, end)
    skip = [(start, end), *skip]
    cues = {k: cue_hits(analysis, param_lexicon(rule, k, analysis.lang), a, b, skip) for k in kinds}
    quoted = analysis.inside(start, end, analysis.quotes) is not None
    return Frame(cues, is_question(analysis, start, end), quoted, bool(analysis.urls))
