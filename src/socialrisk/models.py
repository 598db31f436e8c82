"""The data model of socialrisk: posts in, reports out (pydantic v2).

Offsets are always ``str`` indices into the original post text (Python code points), end exclusive;
``text[span.start:span.end] == span.excerpt`` holds for every span socialrisk produces.
"""

from __future__ import annotations

import enum
import re
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator, model_validator

__all__ = [
    "Severity",
    "Decision",
    "Category",
    "Span",
    "Finding",
    "Post",
    "Media",
    "CheckerResult",
    "SkippedChecker",
    "FailedChecker",
    "Versions",
    "Report",
    "PostError",
    "normalize_lang",
]


class Severity(str, enum.Enum):
    """How bad a finding is; ordered: info < low < medium < high < blocker."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    BLOCKER = "blocker"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __lt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank


_SEVERITY_RANK = {s: i for i, s in enumerate(Severity)}


class Decision(str, enum.Enum):
    """What to do with the post: publish, have a person look at it, or do not publish."""

    GO = "go"
    REVIEW = "review"
    NO_GO = "no_go"

    @property
    def rank(self) -> int:
        return {"go": 0, "review": 1, "no_go": 2}[self.value]


class Category(str, enum.Enum):
    PRIVACY = "privacy"
    LEGAL = "legal"
    CLAIMS = "claims"
    AMBIGUITY = "ambiguity"
    TONE = "tone"
    READABILITY = "readability"
    GRAMMAR = "grammar"
    PLATFORM = "platform"
    ADVERTISING = "advertising"
    STYLE = "style"


def _json_deep(value: Any) -> Any:
    """:func:`_json_text` for every string in nested dicts and lists (a finding's details may hold a platform name)."""
    if isinstance(value, str):
        return _json_text(value)
    if isinstance(value, dict):
        return {_json_deep(k): _json_deep(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_deep(v) for v in value]
    return value


def is_blank(value: Any) -> bool:
    """None, NaN, pandas' NA and NaT: a cell with nothing in it (a DataFrame's ``to_dict("records")``)."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


# Front-matter and record fields read as ``paid: true`` (the advertising checker's synonyms).
PAID_SYNONYMS = ("sponsored", "political_ad", "ad")
_TRUE = frozenset({"true", "yes", "y", "on", "1", "ja", "j"})
_FALSE = frozenset({"false", "no", "n", "off", "0", "nee", ""})


def _json_text(value: str | None) -> str | None:
    """Lone surrogates (valid in a Python str, not in UTF-8) become U+FFFD in JSON; lengths stay."""
    if value is None or value.isascii():
        return value
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in value)


class Span(BaseModel):
    """A stretch of the post: ``text[start:end] == excerpt``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    excerpt: str

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError("span end is before its start")
        return self

    _json_excerpt = field_serializer("excerpt", when_used="json")(lambda self, v: _json_text(v))

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start=start, end=end, excerpt=text[start:end])


class Finding(BaseModel):
    """One reason for concern, pointed at the words that cause it."""

    rule_id: str
    checker: str
    category: Category
    severity: Severity
    score: float = Field(ge=0.0, le=1.0, description="confidence that the risk is real")
    span: Span
    message: str
    why: str = ""
    suggestion: str = ""
    reference: str = ""
    replacement: str | None = Field(
        default=None, description="text that could replace the span, where one is known"
    )
    related: list[Span] = Field(
        default_factory=list, description="other spans that contribute (e.g. the name a fact is about)"
    )
    details: dict[str, Any] = Field(default_factory=dict)
    fingerprint: str = Field(default="", description="stable id: rule id + normalised excerpt (for personal data: its shape, 99-99999999)")

    _json_replacement = field_serializer("replacement", when_used="json")(lambda self, v: _json_text(v))
    _json_details = field_serializer("details", when_used="json")(lambda self, v: _json_deep(v))

    def sort_key(self) -> tuple:
        return (-self.severity.rank, -self.score, self.span.start, self.span.end, self.rule_id)


class Media(BaseModel):
    model_config = ConfigDict(extra="allow")
    path: str | None = None
    alt: str | None = None


_LANG_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")


def normalize_lang(value: Any, *, detect: str = "leave lang out") -> "Literal['nl', 'en'] | None":
    """A language tag as socialrisk's language: "NL", "nl-NL", "nl_BE" are nl; "en-GB", "EN" are en.

    ``None`` or blank is ``None`` (detect). Another language ("fr", "de-DE") or a value that is no
    tag raises ``ValueError``; ``detect`` says how to ask for detection where the value came from. The
    value is quoted only when it is a language tag, never other text (it may be post text).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    m = _LANG_TAG.fullmatch(value.strip()) if isinstance(value, str) else None
    if m is None:
        raise ValueError(f"lang is not a language tag (use nl or en, or {detect} to detect)")
    primary = m.group(1).lower()
    if primary in ("nl", "en"):
        return primary  # type: ignore[return-value]
    raise ValueError(f"lang {value.strip()!r} is not supported: socialrisk checks nl and en ({detect} to detect)")


class Post(BaseModel):
    """A post to check: the text plus what is known about how it will be published."""

    # hide_input_in_errors: a ValidationError must never quote the draft (it is logged by whoever catches it)
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)

    text: str = Field(strict=True)  # bytes are refused, as check() refuses them: decode them first
    id: str | None = None
    lang: Literal["nl", "en"] | None = None
    platform: str | None = None
    paid: bool = False
    sponsor: str | None = None
    scheduled: datetime | None = None
    media: list[Media] = Field(default_factory=list)
    targeting: dict[str, Any] = Field(default_factory=dict)
    ignore: list[str] = Field(default_factory=list, description="rule ids or prefixes to ignore")
    meta: dict[str, Any] = Field(default_factory=dict, description="any other front-matter fields")

    _lang = field_validator("lang", mode="before")(classmethod(lambda cls, v: normalize_lang(v)))

    @field_validator("meta")
    @classmethod
    def _paid_synonyms(cls, meta: dict[str, Any]) -> dict[str, Any]:
        """``sponsored`` / ``political_ad`` / ``ad`` (read as ``paid``) parsed as ``paid`` is: the string
        "true" of a CSV cell or a JSON export must not leave a paid political ad unlabelled."""
        out = meta
        for key in PAID_SYNONYMS:
            value = meta.get(key)
            if is_blank(value) or isinstance(value, bool):
                continue
            word = value.strip().casefold() if isinstance(value, str) else str(value) if value in (0, 1) else None
            if word in _TRUE or word in _FALSE:
                out = {**out, key: word in _TRUE}
            elif key == "sponsored":  # only ever a flag; "ad: Facebook campagne" may be a note about the post
                raise ValueError(f"{key} must be true or false (also yes/no, ja/nee, 1/0)")
        return out

    @field_validator("meta")
    @classmethod
    def _election_days(cls, meta: dict[str, Any]) -> dict[str, Any]:
        """``election_days`` (read by LEGAL-ELECTION-DAY) as dates: one ISO date or a list of them."""
        days = meta.get("election_days")
        if days is None:
            return meta
        items = days if isinstance(days, (list, tuple)) else [days]
        out = []
        for d in items:
            if isinstance(d, datetime):
                d = d.date()
            elif isinstance(d, str):
                try:
                    d = date.fromisoformat(d.strip())
                except ValueError:
                    raise ValueError("election_days must be ISO dates (YYYY-MM-DD)") from None
            elif not isinstance(d, date):
                raise ValueError(f"election_days must be ISO dates (YYYY-MM-DD), not {type(d).__name__}")
            out.append(d)
        return {**meta, "election_days": out}


class CheckerResult(BaseModel):
    checker: str
    findings: list[Finding] = Field(default_factory=list)
    duration_ms: float = 0.0
    skipped: str | None = None
    error: str | None = None


class SkippedChecker(BaseModel):
    checker: str
    reason: str


class FailedChecker(BaseModel):
    checker: str
    error: str


class Versions(BaseModel):
    socialrisk: str
    rules: str
    packs: dict[str, str] = Field(default_factory=dict)


class Report(BaseModel):
    """The verdict on one post."""

    decision: Decision
    score: float = Field(ge=0, le=100, description="overall risk, 0..100")
    findings: list[Finding] = Field(default_factory=list, description="most severe first")
    post_id: str | None = None
    language: str
    language_source: Literal["given", "detected", "default"]
    language_confidence: float = Field(ge=0.0, le=1.0)
    language_status: Literal["single", "mixed", "other", "too_short"] = Field(
        default="single", description="mixed: both languages; other: neither (checked as `language`)"
    )
    platform: str | None = None
    text_length: int = 0
    versions: Versions
    timings_ms: dict[str, float] = Field(default_factory=dict)
    skipped: list[SkippedChecker] = Field(default_factory=list)
    failed: list[FailedChecker] = Field(default_factory=list)
    suppressed: list[Finding] = Field(default_factory=list, description="findings a policy or suppression hid")
    redacted: str | None = Field(default=None, description="the post with personal data replaced")

    _json_redacted = field_serializer("redacted", when_used="json")(lambda self, v: _json_text(v))
    # an id or platform cut mid-emoji (a lone surrogate from a JSON export) must not fail model_dump_json()
    _json_names = field_serializer("post_id", "platform", when_used="json")(lambda self, v: _json_text(v))

    @property
    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for f in self.findings:
            out[f.category.value] = out.get(f.category.value, 0) + 1
        return out

    def by_severity(self, at_least: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity >= at_least]

    def __str__(self) -> str:
        from .render.text import render_report

        return render_report(self)

    def _repr_html_(self) -> str:
        from .render.html import report_html

        return report_html(self)


class PostError(BaseModel):
    """A post in a batch that could not be checked; the rest of the batch still is."""

    index: int
    post_id: str | None = None
    error: str = Field(description="exception class, e.g. InputError")
    message: str = Field(description="what is wrong (never the post text)")

    _json_names = field_serializer("post_id", "message", when_used="json")(lambda self, v: _json_text(v))
