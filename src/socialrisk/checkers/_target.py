"""Shared, data-driven reading of a claim's frame: who it is aimed at, and whether it is hedged,
attributed, negated, reported or asked.

Every word list comes from a rule (``rule.params[<key>] = {nl: [...], en: [...], all: [...]}``), so
checkers that reuse these helpers (legal, claims, ambiguity, tone) bring their own vocabulary.
Offsets are original ``str`` offsets, like everywhere else.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
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
    "has_cue",
    "mention_at",
    "cues_near",
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


def _indexed(analysis: "Analysis", lexicon: Lexicon) -> tuple[list[Hit], list[int] | None]:
    """A lexicon's hits in the post and their start offsets (None when the hits are not in start order, which
    a lexicon's own hits always are); cached per post, so a window of a long post is found by bisection."""
    hits = post_hits(analysis, lexicon)
    key = ("_target.starts", lexicon)
    got = analysis.cache.get(key)
    if got is None or got[0] is not hits:
        starts = [h.start for h in hits]
        ordered = all(x <= y for x, y in zip(starts, starts[1:]))
        got = analysis.cache[key] = (hits, starts if ordered else None)
    return hits, got[1]


def cue_hits(analysis: "Analysis", lexicon: Lexicon, start: int, end: int, skip: Iterable[tuple[int, int]] = ()) -> list[Hit]:
    """Lexicon hits inside ``[start, end)`` that do not overlap any ``skip`` span (found by bisection, in
    order: asking for a window of a long post costs the window, not the post)."""
    skip = list(skip)
    hits, starts = _indexed(analysis, lexicon)
    if starts is None:
        lo, hi = 0, len(hits)
    else:
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return [
        h for h in hits[lo:hi]
        if start <= h.start and h.end <= end and not any(h.start < b and a < h.end for a, b in skip)
    ]


def has_cue(analysis: "Analysis", lexicon: Lexicon, start: int, end: int, skip: Iterable[tuple[int, int]] = ()) -> bool:
    """``bool(cue_hits(...))``, stopping at the first hit."""
    skip = list(skip)
    hits, starts = _indexed(analysis, lexicon)
    lo, hi = (0, len(hits)) if starts is None else (bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
    for k in range(lo, hi):
        h = hits[k]
        if start <= h.start and h.end <= end and not any(h.start < b and a < h.end for a, b in skip):
            return True
    return False


def cues_near(
    analysis: "Analysis", lexicon: Lexicon, start: int, end: int, lo: int, hi: int, skip: Iterable[tuple[int, int]] = ()
) -> list[Hit]:
    """``cue_hits(analysis, lexicon, start, end, skip)`` limited to the hits that reach into ``[lo, hi]`` (end >= lo
    and start <= hi), found by bisection: what a hit's window holds, in time independent of the sentence."""
    hits = post_hits(analysis, lexicon)
    idx = _spans_index(analysis, ("_target.idx", lexicon), hits)
    skip = list(skip)
    return [
        h for h in _overlapping(idx, hits, lo - 1, hi + 1)
        if start <= h.start and h.end <= end and h.end >= lo and h.start <= hi
        and not any(h.start < b and a < h.end for a, b in skip)
    ]


def mention_at(analysis: "Analysis", offset: int):
    """The @mention holding ``offset``, or None (by bisection: mentions never overlap)."""
    mentions = analysis.mentions
    idx = _spans_index(analysis, ("_target.idx", "mentions"), mentions)
    if idx is None:
        return next((m for m in mentions if m.start <= offset < m.end), None)
    k = bisect.bisect_right(idx[1], offset) - 1
    return mentions[k] if k >= 0 and offset < mentions[k].end else None


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


def _spans_index(analysis: "Analysis", key: tuple, items: list) -> tuple[list, list[int], list[int]] | None:
    """``items`` (with .start/.end, or (kind, start, end) tuples) with their starts and ends, or None unless both
    are in order (a lexicon's hits, name runs and @mentions are: they never overlap); cached per post."""
    got = analysis.cache.get(key)
    if got is None or got[0] is not items:
        if items and isinstance(items[0], tuple):
            starts, ends = [x[1] for x in items], [x[2] for x in items]
        else:
            starts, ends = [x.start for x in items], [x.end for x in items]
        ordered = all(x <= y for x, y in zip(starts, starts[1:])) and all(x <= y for x, y in zip(ends, ends[1:]))
        got = analysis.cache[key] = (items, (items, starts, ends) if ordered else None)
    return got[1]


def _overlapping(index: tuple[list, list[int], list[int]] | None, items: list, lo: int, hi: int) -> list:
    """The items that overlap ``(lo, hi)`` (end > lo and start < hi), or all items without an index."""
    if index is None:
        return items
    _, starts, ends = index
    return items[bisect.bisect_right(ends, lo) : bisect.bisect_left(starts, hi)]


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
    near: tuple[int, int] | None = None,
) -> list[Target]:
    """Targets inside ``[start, end)``: @handles, names, and one kind per lexicon (org, pronoun, group).

    ``titles`` (minister, burgemeester, mayor) count as an office (kind "office") only where they stand for one
    person without an article: opening a sentence headline-style ("Minister liegt over toeslagen") or
    before an initial ("Wethouder B. liegt"). Elsewhere a bare title is generic ("een minister die liegt").

    ``near``: only the targets that reach into ``[lo, hi]`` are wanted (a hit and its window). Which candidates
    stand depends only on the ones overlapping them (an earlier kind takes the place), so only the candidates
    chained to that span by overlaps are weighed: the same targets there, in time that does not grow with the
    sentence (a 100 kB sentence of names and titles was cubic). The result may hold a few more beyond it.
    """
    skip = list(skip)
    taken: list[tuple[int, int]] = list(skip)
    out: list[Target] = []
    runs: list[tuple[str, int, int]] = []
    if not_names is not None:
        key = ("_target.names", not_names, not_after)
        runs = analysis.cache.get(key)
        if runs is None:
            runs = analysis.cache[key] = list(_name_runs(analysis, 0, len(analysis.text), not_names, not_after))
    stages: list[tuple[list, tuple | None]] = [
        (post_hits(analysis, lex), _spans_index(analysis, ("_target.idx", lex), post_hits(analysis, lex)))
        for lex in lexicons.values()
    ]
    if titles is not None:
        stages.append((post_hits(analysis, titles), _spans_index(analysis, ("_target.idx", titles), post_hits(analysis, titles))))
    mentions = analysis.mentions
    stages.append((mentions, _spans_index(analysis, ("_target.idx", "mentions"), mentions)))
    stages.append((runs, _spans_index(analysis, ("_target.idx", "runs", not_names, not_after), runs)))
    if near is None:
        picked = [items for items, _ in stages]
    else:
        lo, hi = near[0] - 1, near[1] + 1  # (lo, hi) open: what reaches into [near] (a target may touch it)
        while True:  # widen (lo, hi) over every candidate that overlaps it, until none reaches further
            picked = [_overlapping(idx, items, lo, hi) for items, idx in stages]
            spans = [(x[1], x[2]) if isinstance(x, tuple) else (x.start, x.end) for group in picked for x in group]
            new_lo, new_hi = min([lo, *(a for a, _ in spans)]), max([hi, *(b for _, b in spans)])
            if (new_lo, new_hi) == (lo, hi):
                break
            lo, hi = new_lo, new_hi
    k = 0

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    def inside(hits: list[Hit]) -> list[Hit]:  # cue_hits over the picked candidates
        fixed = list(taken)
        return [h for h in hits if start <= h.start and h.end <= end and not any(h.start < b and a < h.end for a, b in fixed)]

    for kind in lexicons:
        for h in inside(picked[k]):
            out.append(Target(kind, h.start, h.end))
            taken.append((h.start, h.end))
        k += 1
    if titles is not None:
        text = analysis.text
        for h in inside(picked[k]):
            if text[h.start : h.start + 1].isupper() and (
                _INITIAL.match(text, h.end) or not _LETTERS.search(text, analysis.sentence_of(h.start)[0], h.start)
            ):
                out.append(Target("office", h.start, h.end))
                taken.append((h.start, h.end))
        k += 1
    for m in picked[k]:
        if start <= m.start and m.end <= end and free(m.start, m.end):
            out.append(Target("handle", m.start, m.end))
            taken.append((m.start, m.end))
    for kind, a, b in picked[k + 1]:
        if start <= a and b <= end and free(a, b):
            out.append(Target(kind, a, b))
    return sorted(out, key=lambda t: t.start)


def _overlaps_any(hits: list[Hit], starts: list[int], ends: list[int], spans: Iterable[tuple[int, int]]) -> set[int]:
    """Indices of the (ordered, non-overlapping) ``hits`` that overlap one of ``spans``."""
    out: set[int] = set()
    for a, b in spans:
        for k in range(bisect.bisect_right(ends, a), bisect.bisect_left(starts, b)):
            if hits[k].start < b and a < hits[k].end:
                out.add(k)
    return out


class _SentenceCues:
    """A kind's cues in one sentence (ordered, apart), with their offsets for bisection."""

    __slots__ = ("hits", "starts", "ends", "free")

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.free: dict[int, tuple[_SentenceCues, list[int]]] = {}  # id(anonymous cues) -> (them, free indices)
        self.starts = [h.start for h in hits]
        self.ends = [h.end for h in hits]
        if any(x > y for x, y in zip(self.starts, self.starts[1:])) or any(x > y for x, y in zip(self.ends, self.ends[1:])):
            self.starts = self.ends = None  # type: ignore[assignment]  # never for one lexicon's hits

    def skipped(self, skip: list[tuple[int, int]]) -> set[int]:
        if self.starts is None:
            return {k for k, h in enumerate(self.hits) if any(h.start < b and a < h.end for a, b in skip)}
        return _overlaps_any(self.hits, self.starts, self.ends, skip)


class _Cues(dict):
    """Frame.cues: each kind's cues minus those overlapping the hit, worked out when asked for."""

    def __init__(self, sentence: dict[str, _SentenceCues], skip: list[tuple[int, int]]) -> None:
        super().__init__()
        self._sentence, self._skip = sentence, skip

    def __missing__(self, kind: str) -> list[Hit]:
        if kind not in self._sentence:
            raise KeyError(kind)
        cues = self._sentence[kind]
        gone = cues.skipped(self._skip)
        got = self[kind] = [h for k, h in enumerate(cues.hits) if k not in gone]
        return got

    def get(self, kind, default=None):  # type: ignore[override]
        return self[kind] if kind in self or kind in self._sentence else default

    def __contains__(self, kind) -> bool:
        return dict.__contains__(self, kind)


@dataclass(frozen=True, slots=True)
class Frame:
    """How a statement is framed: the cue spans found for each kind (hedge, attribution, ...).

    Built from the cues of the whole sentence (found once per sentence) and the hit's own span, so asking
    whether a kind is there, or for a negation just before, costs the same in a 100 kB sentence."""

    cues: dict[str, list[Hit]]
    question: bool
    quoted: bool
    linked: bool
    sentence: dict[str, _SentenceCues] = field(default_factory=dict)
    skip: tuple[tuple[int, int], ...] = ()

    def has(self, kind: str) -> bool:
        cues = self.sentence.get(kind)
        if cues is None:
            return bool(self.cues.get(kind))
        return len(cues.hits) > len(cues.skipped(list(self.skip)))

    def negates(self, start: int, window: int) -> bool:
        """Whether a negation cue ends within ``window`` characters before ``start`` ("niet iedereen")."""
        cues = self.sentence.get("negation")
        if cues is None or cues.starts is None:
            return any(0 <= start - n.end <= window for n in self.cues.get("negation", []))
        lo, hi = bisect.bisect_left(cues.ends, start - window), bisect.bisect_right(cues.ends, start)
        return any(
            not any(h.start < b and a < h.end for a, b in self.skip) for h in cues.hits[lo:hi]
        )

    def spans(self, *kinds: str) -> list[tuple[int, int]]:
        return [(h.start, h.end) for k in kinds for h in self.cues.get(k, [])]

    def unanonymous(self, kinds: Iterable[str], anonymous: str) -> bool:
        """Whether a cue of ``kinds`` (attribution, reported) stands that overlaps no ``anonymous`` cue
        ("according to Reuters", not "according to insiders"), found by bisection rather than pair by pair."""
        anon = self.sentence.get(anonymous)
        skip = list(self.skip)
        if anon is None or anon.starts is None:
            spans = self.spans(anonymous)
            return any(
                not any(c.start < b and a < c.end for a, b in spans) for k in kinds for c in self.cues.get(k, [])
            )
        gone_anon = anon.skipped(skip)  # anonymous cues that overlap the hit do not count
        for kind in kinds:
            cues = self.sentence.get(kind)
            if cues is None or cues.starts is None:
                if any(
                    not any(c.start < x.end and x.start < c.end for k2, x in enumerate(anon.hits) if k2 not in gone_anon)
                    for c in self.cues.get(kind, [])
                ):
                    return True
                continue
            got = cues.free.get(id(anon))
            if got is None or got[0] is not anon:
                # the cues of the sentence that overlap no anonymous cue at all (once per sentence)
                got = cues.free[id(anon)] = (anon, [
                    k for k, c in enumerate(cues.hits)
                    if not _overlaps_any(anon.hits, anon.starts, anon.ends, [(c.start, c.end)])
                ])
            free_idx = got[1]
            gone = cues.skipped(skip)
            # (of the first len(gone) + 1 free cues, one at least is not gone, if there are that many)
            if any(k not in gone for k in free_idx[: len(gone) + 1]):
                return True
            # a cue whose only anonymous cues overlap the hit (and so do not count) is no anonymous source
            for k in {k for g in gone_anon for k in _overlaps_any(cues.hits, cues.starts, cues.ends, [(anon.hits[g].start, anon.hits[g].end)])}:
                c = cues.hits[k]
                if k in gone:
                    continue
                near = _overlaps_any(anon.hits, anon.starts, anon.ends, [(c.start, c.end)])
                if near <= gone_anon:
                    return True
        return False



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
    extra = tuple(skip)
    sentence: dict[str, _SentenceCues] = {}
    for k in kinds:
        lex = param_lexicon(rule, k, analysis.lang)
        key = ("_target.frame", lex, a, b, extra)
        got = analysis.cache.get(key)
        if got is None:
            got = analysis.cache[key] = _SentenceCues(cue_hits(analysis, lex, a, b, extra))
        sentence[k] = got
    quoted = analysis.inside(start, end, analysis.quotes) is not None
    return Frame(
        _Cues(sentence, [(start, end)]), is_question(analysis, start, end), quoted, bool(analysis.urls),
        sentence, ((start, end),),
    )
