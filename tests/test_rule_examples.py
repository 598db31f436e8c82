"""Every shipped rule carries examples; each trigger fires it, each clean and fixed text does not."""

from __future__ import annotations

import pytest

from socialrisk.rules import load_rules
from conftest import assert_spans

RULES = [r for r in load_rules().rules if r.status != "removed"]


def _cases():
    for rule in RULES:
        for i, ex in enumerate(rule.examples.trigger):
            yield pytest.param(rule, ex, True, id=f"{rule.id}-trigger{i}")
        for i, ex in enumerate(rule.examples.clean):
            yield pytest.param(rule, ex, False, id=f"{rule.id}-clean{i}")
        if rule.examples.fixed is not None:
            yield pytest.param(rule, rule.examples.fixed, False, id=f"{rule.id}-fixed")


def _run(pipeline, rule, ex):
    fields = {**rule.examples.post, **ex.post}
    lang = ex.lang or (rule.languages[0] if len(rule.languages) == 1 else None)
    report = pipeline.check(ex.text, lang=lang, policy={"min_severity": "info"}, **fields)
    assert_spans(report, ex.text)
    return report


@pytest.mark.parametrize("rule,example,fires", list(_cases()))
def test_rule_example(pipeline, rule, example, fires):
    report = _run(pipeline, rule, example)
    skipped = {s.checker: s.reason for s in report.skipped}
    if rule.checker in skipped:  # e.g. grammar without a LanguageTool server: its own test runs these
        assert skipped[rule.checker], f"{rule.checker} was skipped without a reason"
        pytest.skip(f"{rule.checker} skipped: {skipped[rule.checker]}")
    fired = [f for f in report.findings if f.rule_id == rule.id]
    if fires:
        assert fired, f"{rule.id} did not fire on its trigger example"
    else:
        assert not fired, f"{rule.id} fired on a clean example: {[f.span.excerpt for f in fired]}"


def test_every_rule_has_both_kinds_of_example():
    for rule in RULES:
        assert rule.examples.trigger and rule.examples.clean, rule.id


def test_every_checker_has_a_test_file():
    from pathlib import Path

    from socialrisk.checkers.base import available_checkers

    here = Path(__file__).parent / "checkers"
    for name in available_checkers():
        if "." in name:  # third-party plugins test themselves
            continue
        assert (here / f"test_{name}.py").is_file(), f"tests/checkers/test_{name}.py is missing"
