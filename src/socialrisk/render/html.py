"""Self-contained HTML (inline CSS, no scripts or external assets) for a Report and for an Audit."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from ..audit import _missing
from ..models import Severity

if TYPE_CHECKING:  # pragma: no cover
    from ..audit import Audit
    from ..models import Report

__all__ = ["report_html", "audit_html", "highlight"]

_RANK = {s.value: s.rank for s in Severity}
_LABEL = {"go": "GO", "review": "REVIEW", "no_go": "NO-GO"}

CSS = """
.sr{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;line-height:1.45;max-width:70em}
.sr table{border-collapse:collapse;margin:.4em 0 1em}
.sr th,.sr td{border-bottom:1px solid #ddd;padding:.2em .6em;text-align:left;vertical-align:top}
.sr td.n{text-align:right;font-variant-numeric:tabular-nums}
.sr .badge{display:inline-block;padding:0 .5em;border-radius:.3em;color:#fff;font-weight:600;font-size:.85em}
.sr .go{background:#55a868}.sr .review{background:#dd8452}.sr .no_go{background:#c44e52}.sr .error{background:#777}
.sr mark{border-radius:.2em;padding:0 .1em;cursor:help}
.sr mark.info,.sr mark.low{background:#dbe9f6}.sr mark.medium{background:#ffe9a8}
.sr mark.high{background:#ffc9a3}.sr mark.blocker{background:#ff9a9a;font-weight:600}
.sr .post{border:1px solid #ddd;border-radius:.4em;padding:.5em .8em;margin:.6em 0}
.sr .text{white-space:pre-wrap;margin:.4em 0;unicode-bidi:isolate}
.sr .meta,.sr .muted{color:#666;font-size:.9em}
.sr .bar{display:inline-block;height:.8em;background:#4c72b0;vertical-align:middle}
.sr code{font-size:.9em}
"""


def _e(value: Any) -> str:
    """Escaped text; missing values (None, NaN, NA, NaT) become empty."""
    return "" if _missing(value) else html.escape(str(value), quote=True)


def _bdi(value: Any) -> str:
    """Escaped text from the input (an id, a platform, an excerpt) in its own bidi isolate: a U+202E (RTL override)
    in it would otherwise reverse the rest of the line ("id rtl\u202eevil · 2024-03-04 · risk 100/100")."""
    return f"<bdi>{_e(value)}</bdi>"


def _badge(decision: Any) -> str:
    d = "error" if not isinstance(decision, str) else decision
    return f'<span class="badge {_e(d)}">{_e(_LABEL.get(d, "ERROR"))}</span>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[int] = ()) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(r)) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def highlight(text: str, spans: Iterable[tuple[int, int, str, str]]) -> str:
    """``text`` escaped, each (start, end, severity, message) span marked with its message on hover."""
    # Overlaps are cut at every boundary; a piece takes the worst severity and all messages covering it.
    spans = [(max(0, s), min(len(text), e), sev, msg) for s, e, sev, msg in spans if e > s]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = _e(text[a:b])
        over = [(sev, msg) for s, e, sev, msg in spans if s <= a and b <= e]
        if not over:
            out.append(piece)
            continue
        worst = max((sev for sev, _ in over), key=lambda v: _RANK.get(v, 0))
        title = "&#10;".join(dict.fromkeys(_e(msg) for _, msg in over))
        out.append(f'<mark class="{_e(worst)}" title="{title}">{piece}</mark>')
    return "".join(out)


def report_html(report: "Report") -> str:
    """One Report as an HTML fragment (for Jupyter); findings show their excerpts, as a Report has no text."""
    rows = [
        (
            _e(f.severity.value), f"<code>{_e(f.rule_id)}</code>", _e(f.message),
            f'<mark class="{_e(f.severity.value)}" title="{_e(f.message)}">{_bdi(f.span.excerpt)}</mark>',
            f"{f.span.start}&ndash;{f.span.end}", _e(f.suggestion),
        )
        for f in report.findings
    ]
    parts = [
        f"<style>{CSS}</style><div class=\"sr\"><p>{_badge(report.decision.value)} risk {report.score:.0f}/100 "
        f"&middot; language {_bdi(report.language)} &middot; {len(report.findings)} finding(s)</p>"
    ]
    if rows:
        parts.append(_table(["severity", "rule", "message", "excerpt", "span", "suggestion"], rows))
    for s in report.skipped:
        parts.append(f'<div class="muted">skipped {_e(s.checker)}: {_e(s.reason)}</div>')
    for fl in report.failed:
        parts.append(f'<div class="muted">checker {_e(fl.checker)} failed: {_e(fl.error)}</div>')
    parts.append("</div>")
    return "".join(parts)


def _bar(value: float, top: float) -> str:
    # NaN (a period whose posts all failed has no mean risk) draws no bar
    width = 0 if not top or value != value or top != top else round(8 * value / top, 2)
    return f'<span class="bar" style="width:{width}em"></span>'


def _post_block(post: Any, findings: Any) -> str:
    text = post["text"] if isinstance(post["text"], str) else ""
    spans = [(int(f.start), int(f.end), str(f.severity), f"{f.rule_id} ({f.severity}): {f.message}") for f in findings.itertuples()]
    date = post["date"]
    when = "" if _missing(date) else date.strftime("%Y-%m-%d" if date == date.normalize() else "%Y-%m-%d %H:%M")
    meta = " &middot; ".join(
        x for x in (f"id {_bdi(post['id'])}", when, "" if _missing(post["platform"]) else _bdi(post["platform"]),
                    f"risk {post['score']:.0f}/100") if x
    )
    items = "".join(
        f"<li><code>{_e(f.rule_id)}</code> <span class=\"muted\">{_e(f.severity)}</span> {_e(f.message)} "
        f"&laquo;{_bdi(f.excerpt)}&raquo;</li>"
        for f in findings.itertuples()
    )
    return (
        f'<div class="post"><div class="meta">{_badge(post["decision"])} {meta}</div>'
        f'<div class="text">{highlight(text, spans)}</div><ul>{items}</ul></div>'
    )


def audit_html(audit: "Audit", *, title: str = "socialrisk audit", fragment: bool = False, limit: int | None = None) -> str:
    """The audit report: summary, decisions, findings per category and rule, risk over time, flagged posts."""
    s = audit.summary()
    posts, findings = audit.posts, audit.findings
    parts = [f"<h1>{_e(title)}</h1>" if not fragment else f"<h3>{_e(title)}</h3>"]
    parts.append(
        f"<p>{s['posts']} post(s) &middot; {s['findings']} finding(s) &middot; {s['errors']} post(s) could not be checked"
        + (f" &middot; {s['undated']} post(s) without a date (left out of Risk over time)" if 0 < s["undated"] < s["posts"] else "")
        + "</p>"
    )
    top = max(s["decisions"].values(), default=0)
    parts.append("<h2>Decisions</h2>" + _table(
        ["decision", "posts", ""], [(_badge(d), n, _bar(n, top)) for d, n in s["decisions"].items()], numeric=(1,)
    ))
    cats = audit.by_category()
    if not cats.empty:
        top = cats["findings"].max()
        parts.append("<h2>Findings per category</h2>" + _table(
            ["category", "findings", "posts", ""],
            [(_e(r.category), r.findings, r.posts, _bar(r.findings, top)) for r in cats.itertuples()], numeric=(1, 2),
        ))
        rules = audit.by_rule()
        parts.append("<h2>Findings per rule</h2>" + _table(
            ["rule", "category", "severity", "findings", "posts", "mean score"],
            [(f"<code>{_e(r.rule_id)}</code>", _e(r.category), _e(r.severity), r.findings, r.posts, f"{r.mean_score:.2f}")
             for r in rules.itertuples()], numeric=(3, 4, 5),
        ))
    over = audit.over_time()
    if not over.empty:
        top = over["mean_score"].max()
        parts.append("<h2>Risk over time</h2>" + _table(
            ["period", "posts", "go", "review", "no-go", "errors", "mean risk", ""],
            [(_e(r.period.date()), r.posts, r.go, r.review, r.no_go, r.errors,
              "" if r.mean_score != r.mean_score else f"{r.mean_score:.1f}", _bar(r.mean_score, top))
             for r in over.itertuples()], numeric=(1, 2, 3, 4, 5, 6),
        ))
    flagged = audit.flagged()
    shown = flagged if limit is None else flagged.head(limit)
    by_row = {row: group for row, group in findings.groupby("row")}
    empty = findings.iloc[0:0]
    parts.append(f"<h2>Flagged posts ({len(flagged)})</h2>")
    if len(shown) < len(flagged):
        parts.append(f'<p class="muted">The {len(shown)} riskiest are shown; to_html() writes all of them.</p>')
    parts.extend(_post_block(p, by_row.get(p["row"], empty)) for _, p in shown.iterrows())
    errors = posts[posts["error"].notna()]
    if not errors.empty:
        parts.append(f"<h2>Posts that could not be checked ({len(errors)})</h2>" + _table(
            ["row", "id", "error"], [(int(r.row), _bdi(r.id), _bdi(r.error)) for r in errors.itertuples()], numeric=(0,)
        ))
    body = f'<div class="sr">{"".join(parts)}</div>'
    if fragment:
        return f"<style>{CSS}</style>{body}"
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        f"<style>{CSS}</style></head><body>{body}</body></html>"
    )
