"""Suppressions: inline ``<!-- socialrisk-ignore ID -->`` comments, per-file ``ignore:``, a baseline.

A suppressed finding moves to ``report.suppressed`` (``details["suppressed_by"]``: ``inline``,
``file`` or ``baseline``) and the decision is recomputed; nothing is dropped silently. A comment
alone on its line covers the next non-blank line, a comment after text covers its own line. A
suppression that suppresses nothing is returned as :class:`Unused` (like ruff's unused ``noqa``); one
that covers a finding another suppression took first is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .errors import InputError
from .formats import SourcePost, line_col
from .models import Finding, Report, Span
from .policy import Policy, _selector_ok, decide, risk_score

__all__ = ["Suppression", "Unused", "Outcome", "suppressions_of", "apply"]

_DIRECTIVE = re.compile(r"\A\s*socialrisk-ignore\b(?P<ids>.*)\Z", re.S)


@dataclass
class Suppression:
    """Which rules (empty: all) are suppressed where: a line range of the file, or the whole post."""

    kind: str
    selectors: tuple[str, ...]
    at: int
    lines: tuple[int, int] | None = None
    used: bool = False
    used_selectors: set[str] = field(default_factory=set)

    def credit(self, f: Finding) -> None:
        """Mark the suppression, and the selectors of it that name ``f``, as used."""
        self.used = True
        self.used_selectors.update(s for s in self.selectors if Policy._hits(s, f.rule_id, f.category.value))

    def covers(self, f: Finding, first: int, last: int) -> bool:
        if self.lines is not None and (last < self.lines[0] or first > self.lines[1]):
            return False
        return not self.selectors or any(Policy._hits(s, f.rule_id, f.category.value) for s in self.selectors)


@dataclass(frozen=True)
class Unused:
    """A suppression that matched no finding."""

    kind: str
    selectors: tuple[str, ...]
    line: int
    column: int
    unknown: tuple[str, ...] = ()  # selectors that name no rule at all (a typo, a removed rule)

    @property
    def message(self) -> str:
        what = ", ".join(self.selectors) or "all rules"
        msg = f"unused suppression ({self.kind}): {what} suppresses nothing here"
        if self.unknown:
            msg += f" ({', '.join(self.unknown)}: no such rule id, prefix or category)"
        return msg


@dataclass(frozen=True)
class LocatedNotice:
    """A reading notice of a post file at a line and column."""

    line: int
    column: int
    message: str


@dataclass
class Outcome:
    """One checked post: where it came from, its report (after suppressions), unused suppressions."""

    source: SourcePost
    report: Report
    unused: list[Unused] = field(default_factory=list)

    @property
    def notices(self) -> list["LocatedNotice"]:
        """The source's reading notices (e.g. an unclosed code fence), located as line and column."""
        return [LocatedNotice(*line_col(self.source.file_text, n.at), n.message) for n in self.source.notices]

    def span_lines(self, span: Span) -> tuple[int, int, int, int]:
        """Start line, start column, end line, end column (exclusive) of a post span in the file."""
        s = self.source
        line, col = s.line_col(span.start)
        if s.offset is None:
            return line, col, line, col
        end_line, end_col = line_col(s.file_text, s.file_offset(span.end))
        return line, col, end_line, end_col


def _selectors(raw: str, where: str) -> tuple[str, ...]:
    items = tuple(x for x in re.split(r"[\s,]+", raw.strip()) if x)
    try:
        _selector_ok(list(items))
    except ValueError as exc:
        raise InputError(f"{where}: bad suppression: {exc}") from None
    return items


def suppressions_of(source: SourcePost) -> list[Suppression]:
    """The inline and per-file suppressions written in a post's file."""
    text = source.file_text
    out: list[Suppression] = []
    lines = text.split("\n")
    for c in source.comments:
        m = _DIRECTIVE.match(c.body)
        if not m:
            continue
        first, _ = line_col(text, c.start)
        last, _ = line_col(text, c.end)
        line_end = text.find("\n", c.end)
        rest = text[text.rfind("\n", 0, c.start) + 1 : c.start] + text[c.end : len(text) if line_end < 0 else line_end]
        if rest.strip():
            target = (first, last)
        else:  # alone on its line: the next non-blank line
            nxt = last + 1
            while nxt <= len(lines) and not lines[nxt - 1].strip():
                nxt += 1
            target = (nxt, nxt)
        out.append(Suppression("inline", _selectors(m.group("ids"), f"{source.path}:{first}"), c.start, target))
    if source.ignore:  # last: the more specific inline comment takes the finding (both are used)
        out.append(Suppression("file", _selectors(" ".join(source.ignore), source.label), source.ignore_at))
    return out


def apply(
    source: SourcePost,
    report: Report,
    policy: Policy,
    *,
    baseline: Callable[[SourcePost, Finding], bool] | None = None,
    known: "frozenset[str] | None" = None,
) -> Outcome:
    """Move suppressed findings of ``report`` to ``report.suppressed`` and recompute the decision.
    ``known``: the selectors that name a rule (``policy.known_selectors``), to tell a typo from an idle one."""
    sups = suppressions_of(source)
    outcome = Outcome(source, report)
    kept: list[Finding] = []
    moved: list[Finding] = []
    for f in report.findings:
        first, _, last, end_col = outcome.span_lines(f.span)
        if end_col == 1 and last > first:  # a span ending at a line break does not reach the next line
            last -= 1
        covering = [s for s in sups if s.covers(f, first, last)]
        by = covering[0] if covering else None  # the most specific (inline before file) takes the finding
        kind = by.kind if by else ("baseline" if baseline is not None and baseline(source, f) else None)
        # Each one that covers it is used, as ruff's RUF100 counts a noqa that would have matched: a front-matter
        # ignore is not "unused" because an inline comment took the finding first (nor the other way round).
        for s in covering:
            s.credit(f)
        if kind is None:
            kept.append(f)
        else:
            moved.append(f.model_copy(update={"details": {**f.details, "suppressed_by": kind}}))
    if moved:
        score = risk_score(kept)
        outcome.report = report.model_copy(
            update={
                "findings": kept,
                "score": score,
                "decision": decide(kept, score, policy, incomplete=bool(report.failed)),
                "suppressed": sorted([*report.suppressed, *moved], key=Finding.sort_key),
            }
        )
    for s in sups:
        # each selector that suppressed nothing, as ruff reports each unused code of a noqa
        idle = s.selectors if not s.used else tuple(x for x in s.selectors if x not in s.used_selectors)
        if not s.used or idle:
            line, col = line_col(source.file_text, s.at)
            unknown = tuple(x for x in idle if known is not None and x not in known)
            outcome.unused.append(Unused(s.kind, idle, line, col, unknown))
    outcome.unused.sort(key=lambda u: (u.line, u.column))
    return outcome
