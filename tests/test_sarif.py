"""SARIF 2.1.0 output, validated with jsonschema against the OASIS SARIF 2.1.0 schema.

tests/fixtures/sarif-schema-2.1.0.json holds every definition and constraint of the published schema
(its ``$comment`` names the source and commit); only the description texts are left out.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from jsonschema import Draft7Validator, FormatChecker

from socialrisk import cli
from repo_helpers import demo  # noqa: F401  (fixture)

SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text("utf-8"))
VALIDATOR = Draft7Validator(SCHEMA, format_checker=FormatChecker())


def sarif(capsys, *argv):
    rc = cli.main(["check", "--format", "sarif", *argv])
    cap = capsys.readouterr()
    log = json.loads(cap.out)
    VALIDATOR.validate(log)
    return rc, log, cap.err


def test_schema_has_teeth():
    Draft7Validator.check_schema(SCHEMA)
    good = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "columnKind": "unicodeCodePoints", "results": []}]}
    VALIDATOR.validate(good)
    for path, value in ((("runs", 0, "columnKind"), "bytes"), (("runs", 0, "tool", "driver", "name"), None), (("version",), "2.0")):
        bad = copy.deepcopy(good)
        target = bad
        for key in path[:-1]:
            target = target[key]
        if value is None:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        assert not VALIDATOR.is_valid(bad), path


def test_sarif_log_is_valid_and_points_at_code_points(demo, capsys):
    (demo / "a.md").write_text("---\nlang: nl\n---\nHallo 😀👍🏽 de geheimcode.\n<!-- socialrisk-ignore ACME-WORD -->\nSchoon.\n", "utf-8")
    rc, log, _ = sarif(capsys, "a.md")
    assert rc == 1 and log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "socialrisk"
    [result] = run["results"]
    rule = rules[result["ruleIndex"]]
    assert result["ruleId"] == rule["id"] == "ACME-SECRET" and result["level"] == "error"
    assert rule["shortDescription"]["text"] == "A made-up secret word (test only)."
    assert rule["defaultConfiguration"]["level"] == "error" and "Fix: Remove the secret word." in rule["help"]["text"]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "a.md", "uriBaseId": "%SRCROOT%"}
    # "Hallo " + 😀 + 👍 + 🏽 + " de " = 13 code points before the word
    assert loc["region"] == {"startLine": 4, "startColumn": 14, "endLine": 4, "endColumn": 24}
    assert result["partialFingerprints"]["socialrisk/v1"]
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning" and "ACME-WORD" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["region"] == {"startLine": 5, "startColumn": 1}
    assert run["invocations"][0]["executionSuccessful"] is True


def test_suppressed_results_carry_their_suppression(demo, capsys):
    (demo / "a.md").write_text("De geheimcode. <!-- socialrisk-ignore ACME-SECRET -->\nEn spruitjes.\n", "utf-8")
    cli.main(["baseline", "a.md"])
    capsys.readouterr()
    # Without --show-suppressed too: code scanning expects suppressed results, marked as such.
    rc, log, _ = sarif(capsys, "--baseline", ".socialrisk-baseline.json", "a.md")
    kinds = {r["ruleId"]: r.get("suppressions") for r in log["runs"][0]["results"]}
    assert rc == 0
    assert kinds == {"ACME-SECRET": [{"kind": "inSource", "justification": "suppressed by inline"}],
                     "ACME-WORD": [{"kind": "external", "justification": "suppressed by baseline"}]}
    assert sarif(capsys, "--show-suppressed", "--baseline", ".socialrisk-baseline.json", "a.md")[1] == log


def test_collections_and_errors(demo, capsys):
    (demo / "p.json").write_text('[{"id": 1, "text": "De geheimcode."}]', "utf-8")
    rc, log, err = sarif(capsys, "p.json", "missing.md")
    run = log["runs"][0]
    assert rc == 2 and "missing.md" in err
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 24
    assert run["results"][0]["partialFingerprints"]["socialrisk/v1"].endswith("#1")
    errors = [n for n in run["invocations"][0]["toolExecutionNotifications"] if n["level"] == "error"]
    assert errors[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.md"


def test_related_spans_become_related_locations():
    from socialrisk.formats import parse
    from socialrisk.models import Category, Decision, Finding, Report, Severity, Span, Versions
    from socialrisk.render.sarif import render_sarif
    from socialrisk.suppress import Outcome

    text = "Intro.\nJan de Vries is ziek.\n"
    source = parse(text, "p.md", fmt="markdown")[0]
    f = Finding(rule_id="PRIV-HEALTH", checker="privacy", category=Category.PRIVACY, severity=Severity.BLOCKER, score=0.9,
                span=Span.of(text, 20, 24), message="Health fact about a person.", related=[Span.of(text, 7, 19)])
    report = Report(decision=Decision.NO_GO, score=90, findings=[f], language="nl", language_source="given",
                    language_confidence=1.0, versions=Versions(socialrisk="0", rules="x"))
    log = render_sarif([Outcome(source, report)], [])
    VALIDATOR.validate(log)
    [result] = log["runs"][0]["results"]
    assert "ruleIndex" not in result  # not a known rule: no index rather than a wrong one
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 14, "endLine": 2, "endColumn": 18}
    [rel] = result["relatedLocations"]
    assert rel["id"] == 0 and rel["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 13}
