"""Style checker: shipped party-name spellings and a user's house-style pack (examples/house-style.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_spans
from socialrisk import Pipeline
from socialrisk.config import Config
from socialrisk.errors import RulePackError
from socialrisk.models import Severity

HOUSE = Path(__file__).resolve().parents[2] / "examples" / "house-style.yaml"


@pytest.fixture(scope="module")
def house():
    """A pipeline with the example house-style pack loaded (style checker only, to stay fast)."""
    return Pipeline(Config(), checkers=["style"], rule_packs=[HOUSE])


def _style(report):
    return [(f.rule_id, f.span.excerpt, f.replacement) for f in report.findings if f.checker == "style"]


SHIPPED = [
    ("Debat met Groen Links PvdA.", [("STYLE-PARTY-GLPVDA", "Groen Links PvdA", "GroenLinks-PvdA")]),
    ("Debat met GroenLinks - PvdA.", [("STYLE-PARTY-GLPVDA", "GroenLinks - PvdA", "GroenLinks-PvdA")]),
    ("Debat met GroenLinks-PvdA.", []),
    ("Sla bij het groen links af.", []),
    ("Wethouder van de PVDA.", [("STYLE-PARTY-PVDA", "PVDA", "PvdA")]),
    ("Wethouder van de PvdA.", []),
    ("Lees het programma op pvda.nl, volg @pvda of zoek #pvda.", []),   # addresses and tags, not prose
    ("Samen met de Christen Unie.", [("STYLE-PARTY-CHRISTENUNIE", "Christen Unie", "ChristenUnie")]),
    ("Ook 50Plus steunt dit.", [("STYLE-PARTY-50PLUS", "50Plus", "50PLUS")]),
    ("Voor mensen van 50 plus.", []),
]


@pytest.mark.parametrize("text,expected", SHIPPED)
def test_shipped_spellings(pipeline, text, expected):
    r = pipeline.check(text, lang="nl")
    assert_spans(r, text)
    assert _style(r) == expected
    assert all(f.severity is Severity.LOW for f in r.findings if f.checker == "style")


def test_house_pack_examples_run(house):
    """Each rule of the example pack fires on its triggers and not on its clean and fixed texts."""
    rules = [r for r in house.rules.rules if r.id.startswith("HOUSE-")]
    assert len(rules) == 6
    for rule in rules:
        cases = [(e, True) for e in rule.examples.trigger] + [(e, False) for e in rule.examples.clean]
        cases += [(rule.examples.fixed, False)] if rule.examples.fixed else []
        for ex, fires in cases:
            lang = ex.lang or (rule.languages[0] if len(rule.languages) == 1 else None)
            r = house.check(ex.text, lang=lang, **{**rule.examples.post, **ex.post})
            assert_spans(r, ex.text)
            assert any(f.rule_id == rule.id for f in r.findings) is fires, (rule.id, ex.text)


HOUSE_CASES = [
    # text, platform, expected (rule id, excerpt, replacement)
    ("Word lid van partij voorbeeld.", None, [("HOUSE-NAME-PARTY", "partij voorbeeld", "Partij Voorbeeld")]),
    ("Word lid van Partij-Voorbeeld.", None, [("HOUSE-NAME-PARTY", "Partij-Voorbeeld", "Partij Voorbeeld")]),
    ("Word lid van Partij Voorbeeld.", None, []),
    ("Wij luisteren naar burgers.", None, [("HOUSE-WORD-INWONERS", "burgers", "inwoners")]),
    ("Wij bakken hamburgers.", None, []),
    ("Wij bellen u middels een brief conform de regels.", None,
     [("HOUSE-WORD-AVOID", "middels", None), ("HOUSE-WORD-AVOID", "conform", None)]),
    ("De peiling zegt 12 zetels.", None, [("HOUSE-DISCLAIMER-POLL", "", "bron:")]),
    ("De peiling zegt 12 zetels (bron: Ipsos).", None, []),
    ("Het parkeerbeleid gaat in.", "instagram", [("HOUSE-DISCLAIMER-DM", "", "stuur ons een dm")]),
    ("Het parkeerbeleid gaat in. Vragen? Stuur ons een DM.", "instagram", []),
    ("Het parkeerbeleid gaat in.", "x", []),
]


@pytest.mark.parametrize("text,platform,expected", HOUSE_CASES)
def test_house_pack_table(house, text, platform, expected):
    r = house.check(text, lang="nl", platform=platform)
    assert_spans(r, text)
    assert sorted(_style(r)) == sorted(expected)


def test_required_text_points_at_the_end(house):
    text = "De peiling zegt 12 zetels.  \n"
    (f,) = [f for f in house.check(text, lang="nl").findings if f.rule_id == "HOUSE-DISCLAIMER-POLL"]
    assert f.span.start == f.span.end == len(text.rstrip()) and f.severity is Severity.MEDIUM


def test_house_pack_loads_through_config(tmp_path):
    cfg = tmp_path / "socialrisk.toml"
    cfg.write_text(f'rule_packs = ["{HOUSE.as_posix()}"]\n', "utf-8")
    pipe = Pipeline(str(cfg), checkers=["style"])
    assert any(f.rule_id == "HOUSE-NAME-PARTY" for f in pipe.check("Stem partij voorbeeld.", lang="nl").findings)
    assert str(HOUSE) in pipe.check("Hallo.", lang="nl").versions.packs


def _pack(tmp_path, rule: str) -> Path:
    head = ("- id: ACME-STYLE-X\n  checker: style\n  category: style\n  severity: low\n"
            "  what: w\n  why: w\n  message: m\n  examples: {trigger: [a], clean: [b]}\n")
    p = tmp_path / "bad.yaml"
    p.write_text(head + rule, "utf-8")
    return p


@pytest.mark.parametrize("rule", [
    "  params: {replace: X}\n",  # nothing to match
    "  match: {terms: {all: [x]}}\n  params: {replace: 3}\n",
    "  match: {terms: {all: [x]}}\n  params: {swap: X}\n",
    "  match: {terms: {all: [x]}}\n  params: {required: [y]}\n",
    "  params: {required: []}\n",
    "  params: {required: [y], platforms: x}\n",
])
def test_bad_style_rules_are_refused(tmp_path, rule):
    from socialrisk.checkers.style import StyleChecker
    from socialrisk.rules import load_pack

    (parsed,), _ = load_pack(_pack(tmp_path, rule))
    with pytest.raises(ValueError):
        StyleChecker.validate_rule(parsed)


def test_bad_style_rule_fails_at_load_naming_file_and_rule(tmp_path):
    with pytest.raises(RulePackError) as err:
        Pipeline(Config(), checkers=["style"], rule_packs=[_pack(tmp_path, "  params: {replace: X}\n")])
    assert err.value.rule_id == "ACME-STYLE-X" and "bad.yaml" in str(err.value)
