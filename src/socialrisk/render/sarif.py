"""SARIF 2.1.0 output for code-scanning UIs; columns are Unicode code points (``columnKind``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable
from urllib.parse import quote

from .. import __version__

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Finding, Span
    from ..rules import Rule
    from ..suppress import Outcome

__all__ = ["render_sarif", "LEVELS"]

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"blocker": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
_IN_SOURCE = {"inline", "file"}


def _uri(path: str) -> dict:
    p = Path(path)
    if p.is_absolute():
        return {"uri": p.as_uri()}
    return {"uri": quote(p.as_posix()), "uriBaseId": "%SRCROOT%"}


def _descriptor(rule: "Rule") -> dict:
    help_lines = [rule.what, "", rule.why]
    if rule.suggestion:
        help_lines += ["", f"Fix: {rule.suggestion}"]
    if rule.reference:
        help_lines += ["", f"Reference: {rule.reference}"]
    out = {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.what},
        "fullDescription": {"text": rule.why},
        "help": {"text": "\n".join(help_lines)},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"category": rule.category.value, "severity": rule.severity.value, "tags": ["socialrisk", rule.category.value]},
    }
    if rule.link:
        out["helpUri"] = rule.link
    return out


def _location(outcome: "Outcome", span: "Span", **extra) -> dict:
    line, col, end_line, end_col = outcome.span_lines(span)
    region = {"startLine": line, "startColumn": col}
    if outcome.source.offset is not None:
        region.update(endLine=end_line, endColumn=end_col)
    return {**extra, "physicalLocation": {"artifactLocation": _uri(outcome.source.path), "region": region}}


def _result(outcome: "Outcome", f: "Finding", index: dict[str, int]) -> dict:
    post = outcome.source.label[len(outcome.source.path):]
    out = {
        "ruleId": f.rule_id,
        "level": LEVELS[f.severity.value],
        "message": {"text": f.message + (f" {f.suggestion}" if f.suggestion else "")},
        "locations": [_location(outcome, f.span)],
        "partialFingerprints": {"socialrisk/v1": f"{f.fingerprint}{post}"},
        "properties": {"severity": f.severity.value, "score": f.score, "category": f.category.value, "decision": outcome.report.decision.value},
    }
    if f.related:  # e.g. the name a fact is about
        out["relatedLocations"] = [_location(outcome, r, id=i) for i, r in enumerate(f.related)]
    if f.rule_id in index:
        out["ruleIndex"] = index[f.rule_id]
    by = f.details.get("suppressed_by")
    if by:
        out["suppressions"] = [{"kind": "inSource" if by in _IN_SOURCE else "external", "justification": f"suppressed by {by}"}]
    return out


def render_sarif(
    outcomes: Iterable["Outcome"],
    rules: Iterable["Rule"],
    *,
    show_suppressed: bool = True,
    errors: Iterable[tuple[str, str]] = (),
) -> dict:
    """One SARIF log with one run; ``errors`` are (file, message) pairs of posts that could not be checked.

    Suppressed findings are results with a ``suppressions`` entry, as SARIF consumers (code scanning)
    expect; ``show_suppressed=False`` leaves them out.
    """
    descriptors = [_descriptor(r) for r in sorted(rules, key=lambda r: r.id) if r.status != "removed"]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results, notes = [], []
    for o in outcomes:
        shown = [*o.report.findings, *(o.report.suppressed if show_suppressed else [])]
        results += [_result(o, f, index) for f in shown]
        for u in [*o.notices, *o.unused]:
            region = {"startLine": u.line, "startColumn": u.column}
            loc = {"physicalLocation": {"artifactLocation": _uri(o.source.path), "region": region}}
            notes.append({"level": "warning", "message": {"text": u.message}, "locations": [loc]})
    for path, message in errors:
        notes.append({"level": "error", "message": {"text": message},
                      "locations": [{"physicalLocation": {"artifactLocation": _uri(path)}}]})
    run = {
        "tool": {"driver": {"name": "socialrisk", "version": __version__, "semanticVersion": __version__, "rules": descriptors}},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notes}],
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
