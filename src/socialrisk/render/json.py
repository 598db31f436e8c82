"""JSON output: each Report as published, plus where it came from and file line:column per finding."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from ..suppress import Outcome

__all__ = ["render_json"]


def _located(o: "Outcome", findings: list[dict], objs) -> list[dict]:
    for d, f in zip(findings, objs):
        line, col, end_line, end_col = o.span_lines(f.span)
        d["location"] = {"path": o.source.path, "line": line, "column": col, "end_line": end_line, "end_column": end_col}
    return findings


def render_json(outcomes: Iterable["Outcome"]) -> list[dict]:
    """One dict per post: the Report's fields plus ``source``, ``location`` per finding, ``unused_suppressions`` and ``notices``."""
    out = []
    for o in outcomes:
        d = o.report.model_dump(mode="json")
        _located(o, d["findings"], o.report.findings)
        _located(o, d["suppressed"], o.report.suppressed)
        d["source"] = {"path": o.source.path, "label": o.source.label, "index": o.source.index, "format": o.source.kind}
        d["unused_suppressions"] = [
            {"kind": u.kind, "selectors": list(u.selectors), "line": u.line, "column": u.column, "message": u.message}
            for u in o.unused
        ]
        d["notices"] = [{"line": n.line, "column": n.column, "message": n.message} for n in o.notices]
        out.append(d)
    return out
