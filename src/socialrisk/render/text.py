"""Human-readable text output (with optional ANSI colour)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Finding, Report

_COLOURS = {"blocker": "\033[1;31m", "high": "\033[31m", "medium": "\033[33m", "low": "\033[36m", "info": "\033[2m"}
_DECISION_COLOURS = {"no_go": "\033[1;31m", "review": "\033[1;33m", "go": "\033[1;32m"}
_RESET = "\033[0m"


def _c(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour else text


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a str offset; CRLF counts as one line break."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def render_finding(f: "Finding", *, location: str = "", colour: bool = False) -> str:
    sev = _c(f"{f.severity.value:<7}", _COLOURS.get(f.severity.value, ""), colour)
    excerpt = f.span.excerpt.replace("\n", " ")
    if len(excerpt) > 60:
        excerpt = excerpt[:57] + "..."
    out = f"{location}{sev} {f.rule_id:<24} {f.message} «{excerpt}»"
    if f.suggestion:
        out += f"\n{' ' * (len(location) + 8)}-> {f.suggestion}"
    return out


def render_report(report: "Report", *, text: str | None = None, path: str | None = None, colour: bool = False) -> str:
    """The report as lines; with ``text`` and ``path``, each finding is located as path:line:col."""
    head = _c(report.decision.value.upper().replace("_", "-"), _DECISION_COLOURS[report.decision.value], colour)
    name = path or report.post_id or "post"
    lines = [f"{name}: {head} (risk {report.score:.0f}/100, language {report.language}, {len(report.findings)} finding(s))"]
    for f in report.findings:
        loc = ""
        if text is not None:
            ln, col = line_col(text, f.span.start)
            loc = f"{path or 'post'}:{ln}:{col}: "
        lines.append("  " + render_finding(f, location=loc, colour=colour))
    for s in report.skipped:
        lines.append(f"  (skipped {s.checker}: {s.reason})")
    for fl in report.failed:
        lines.append(f"  (checker {fl.checker} failed: {fl.error})")
    return "\n".join(lines)
