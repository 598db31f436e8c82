"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from ..suppress import Outcome

__all__ = ["render_github", "annotation"]

_LEVELS = {"blocker": "error", "high": "error", "medium": "warning", "low": "notice", "info": "notice"}


_SURROGATE = re.compile("[\ud800-\udfff]")


def _data(value: str) -> str:
    # a lone surrogate (a cut-off emoji in an id) cannot be written to the log: U+FFFD, as in JSON
    return _SURROGATE.sub("\ufffd", value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(value: str) -> str:
    """A property (a file name): also no raw control or bidi characters (ESC, U+202E), escaped as text does."""
    from .text import printable

    return printable(_data(value)).replace(":", "%3A").replace(",", "%2C")


def _plain(value: str) -> str:
    """A label on a line of its own: no line break (a forged command), no control characters, and no
    leading ``::`` (GitHub reads a line starting with it as a workflow command)."""
    from .text import printable

    out = printable(value)
    return "%3A" + out[1:] if out.startswith("::") else out


def annotation(level: str, message: str, **props: object) -> str:
    """``::level k=v,...::message`` with GitHub's escaping of properties and data."""
    body = ",".join(f"{k}={_prop(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level} {body}::{_data(message)}" if body else f"::{level}::{_data(message)}"


def render_github(outcomes: Iterable["Outcome"]) -> str:
    """Annotations for every finding and unused suppression, and one plain summary line per post."""
    lines = []
    for o in outcomes:
        r = o.report
        lines.append(f"{_plain(o.source.label)}: {r.decision.value.upper().replace('_', '-')} (risk {r.score:.0f}/100, {len(r.findings)} finding(s), {len(r.suppressed)} suppressed)")
        for f in r.findings:
            line, col, end_line, end_col = o.span_lines(f.span)
            exact = o.source.offset is not None
            lines.append(annotation(
                _LEVELS[f.severity.value], f"{f.message}" + (f" {f.suggestion}" if f.suggestion else ""),
                file=o.source.path, line=line, col=col,
                endLine=end_line if exact else None, endColumn=end_col if exact and end_line == line else None,
                title=f"{f.rule_id} ({f.severity.value})",
            ))
        for n in o.notices:
            lines.append(annotation("warning", n.message, file=o.source.path, line=n.line, col=n.column, title="socialrisk notice"))
        for u in o.unused:
            lines.append(annotation("warning", u.message, file=o.source.path, line=u.line, col=u.column, title="unused suppression"))
    return "\n".join(lines)
