"""Human-readable text output (with optional ANSI colour)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Finding, Report

_COLOURS = {"blocker": "\033[1;31m", "high": "\033[31m", "medium": "\033[33m", "low": "\033[36m", "info": "\033[2m"}
_DECISION_COLOURS = {"no_go": "\033[1;31m", "review": "\033[1;33m", "go": "\033[1;32m"}
_RESET = "\033[0m"


# Control characters (C0, DEL, C1), bidi overrides and isolates, line and paragraph separators, and lone
# surrogates (a cut-off emoji in a post id: a terminal or log cannot encode one).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with control characters escaped (``\\n``, ``\\x1b``, ``\\u202e``), for a terminal or CI log.

    A file name or post id must not move the cursor, recolour the screen, start a new line (a forged
    finding, or a GitHub workflow command) or reverse the text after it.
    """
    return _UNSAFE.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"), text)


def _c(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour else text


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a str offset; CRLF, LF and a lone CR (old Mac line
    ends) each count as one line break."""
    line = text.count("\n", 0, offset) + 1
    last = text.rfind("\n", 0, offset)
    if "\r" in text:
        lone = text.count("\r", 0, offset) - text.count("\r\n", 0, offset)
        if offset > 0 and text[offset - 1] == "\r" and text[offset : offset + 1] == "\n":
            lone -= 1  # at the LF of a CRLF: the CR is not a break of its own
        line += lone
        cr = text.rfind("\r", 0, offset)
        while cr > last and text[cr + 1 : cr + 2] == "\n":  # the CR of a CRLF is not a break of its own
            cr = text.rfind("\r", 0, cr)
        last = max(last, cr)
    return line, offset - (last + 1) + 1


def render_finding(f: "Finding", *, location: str = "", colour: bool = False) -> str:
    sev = _c(f"{f.severity.value:<7}", _COLOURS.get(f.severity.value, ""), colour)
    # The excerpt is the post's own text: a line break reads as a space, and any escape sequence, bidi
    # override or lone surrogate is escaped as in ids (it could clear the screen and print its own "GO").
    excerpt = f.span.excerpt.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    if len(excerpt) > 60:
        excerpt = excerpt[:57] + "..."
    out = f"{location}{sev} {f.rule_id:<24} {printable(f.message)} «{printable(excerpt)}»"
    if f.suggestion:
        out += f"\n      -> {f.suggestion}"  # a fixed indent: the arrows line up whatever the location's length
    return out


def render_report(report: "Report", *, text: str | None = None, path: str | None = None, colour: bool = False) -> str:
    """The report as lines; with ``text`` and ``path``, each finding is located as path:line:col."""
    head = _c(report.decision.value.upper().replace("_", "-"), _DECISION_COLOURS[report.decision.value], colour)
    name = printable(path or report.post_id or "post")
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
