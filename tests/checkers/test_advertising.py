"""Advertising checker: the EU 2024/900 label of paid political ads, and forbidden targeting."""

from __future__ import annotations

import pytest

from conftest import assert_spans
from socialrisk import Pipeline
from socialrisk.config import Config
from socialrisk.errors import InputError
from socialrisk.models import Decision, Severity

PAID = {"paid": True, "sponsor": "Partij Voorbeeld"}
LABEL_NL = ("Politieke advertentie · Betaald door Partij Voorbeeld · Gemeenteraadsverkiezingen 2026 · "
            "Transparantieverklaring: https://voorbeeld.nl/transparantie/ad-12\n")
LABEL_EN = ("Political advertisement · Paid for by Party Example · Municipal elections 2026 · "
            "Transparency notice: https://example.org/transparency/ad-12\n")
LABEL_IDS = {"ADV-LABEL-STATEMENT", "ADV-LABEL-SPONSOR", "ADV-LABEL-NOTICE"}


def _adv(report):
    return {f.rule_id for f in report.findings if f.checker == "advertising"}


@pytest.mark.parametrize("text,lang", [
    ("Kies voor betaalbare huizen en groene wijken.", "nl"),
    ("Choose affordable homes and green streets.", "en"),
])
def test_paid_post_without_label_is_no_go(pipeline, text, lang):
    r = pipeline.check(text, lang=lang, **PAID)
    assert_spans(r, text)
    assert r.decision is Decision.NO_GO
    assert _adv(r) == LABEL_IDS
    for f in r.findings:
        if f.checker == "advertising":
            assert f.severity is Severity.BLOCKER and "2024/900 art. 11(1)" in f.reference
            assert f.span.start == f.span.end == len(text)  # where the label would go


@pytest.mark.parametrize("text,lang", [
    (LABEL_NL + "Stem op lijst 4 voor betaalbare huizen.", "nl"),
    (LABEL_EN + "Vote for list 4 for affordable homes.", "en"),
])
def test_complete_label_is_not_blocked_by_this_checker(pipeline, text, lang):
    r = pipeline.check(text, lang=lang, **PAID)
    assert_spans(r, text)
    assert not [f for f in r.findings if f.checker == "advertising"]


def test_each_missing_piece_is_named(pipeline):
    cases = [
        (LABEL_NL.replace("Politieke advertentie · ", ""), "ADV-LABEL-STATEMENT"),
        (LABEL_NL.replace("Betaald door Partij Voorbeeld · ", ""), "ADV-LABEL-SPONSOR"),
        (LABEL_NL.replace("Gemeenteraadsverkiezingen 2026 · ", ""), "ADV-LABEL-ELECTION"),
        (LABEL_NL.replace("Transparantieverklaring: https://voorbeeld.nl/transparantie/ad-12", ""), "ADV-LABEL-NOTICE"),
    ]
    for label, missing in cases:
        r = pipeline.check(label + "Stem op lijst 4!", lang="nl", **PAID)
        assert _adv(r) == {missing}, missing


def test_election_piece_only_where_there_is_an_election(pipeline):
    no_vote = LABEL_NL.replace("Gemeenteraadsverkiezingen 2026 · ", "") + "Wij gaan voor groene parken."
    assert not _adv(pipeline.check(no_vote, lang="nl", **PAID))
    assert _adv(pipeline.check(no_vote, lang="nl", election="Provinciale Statenverkiezing", **PAID)) == {"ADV-LABEL-ELECTION"}
    named = no_vote.replace("groene parken", "groene parken in Utrecht")
    assert not _adv(pipeline.check(named, lang="nl", election="Utrecht", **PAID))


def test_targeting_statement_and_special_categories(pipeline):
    text = LABEL_NL + "Stem op lijst 4!"
    assert _adv(pipeline.check(text, lang="nl", targeting={"age": "18-35"}, **PAID)) == {"ADV-LABEL-TARGETING"}
    stated = LABEL_NL + "Deze advertentie is getarget op leeftijd. Stem op lijst 4!"
    assert not _adv(pipeline.check(stated, lang="nl", targeting={"age": "18-35"}, **PAID))
    r = pipeline.check(stated, lang="nl", targeting={"age": "18-35", "interests": ["koken", "Islam"],
                                                      "custom": {"health_condition": "diabetes"}}, **PAID)
    (f,) = [f for f in r.findings if f.rule_id == "ADV-TARGETING-SPECIAL"]
    assert f.severity is Severity.BLOCKER and r.decision is Decision.NO_GO
    assert f.details["fields"] == ["targeting.custom.health_condition", "targeting.interests[1]"]
    assert "art. 18" in f.reference
    for harmless in ({"age": "18-35", "region": "Utrecht"}, {"religion": "any"}, {"interests": ["racefietsen"]}):
        assert "ADV-TARGETING-SPECIAL" not in _adv(pipeline.check(stated, lang="nl", targeting=harmless, **PAID))


def test_organic_posts_get_at_most_an_info_note(pipeline):
    for text, lang in [
        ("Het kabinet faalt in de woningbouw.", "nl"),
        ("We disagree with the minister's plan.", "en"),
        ("De renovatie van het zwembad wordt betaald door de gemeente.", "nl"),
        (LABEL_NL + "Stem op lijst 4!", "nl"),
    ]:
        r = pipeline.check(text, lang=lang, policy={"min_severity": "info"})
        assert all(f.severity is Severity.INFO for f in r.findings if f.checker == "advertising")
    r = pipeline.check(LABEL_NL + "Stem op lijst 4!", lang="nl", policy={"min_severity": "info"})
    assert _adv(r) == {"ADV-UNMARKED-AD"}


def test_paid_from_front_matter_and_config(pipeline):
    text = "Kies voor betaalbare huizen."
    assert _adv(pipeline.check(text, lang="nl", sponsored=True)) == LABEL_IDS  # front matter `sponsored: true`
    assert _adv(pipeline.check(text, lang="nl", sponsor="Partij Voorbeeld")) == LABEL_IDS
    assert _adv(pipeline.check(text, lang="nl", sponsored="true")) == LABEL_IDS  # a CSV cell, a JSON export
    assert not _adv(pipeline.check(text, lang="nl", sponsored="nee"))
    with pytest.raises(InputError, match="sponsored must be true or false"):  # not silently unpaid
        pipeline.check(text, lang="nl", sponsored="maybe")
    pipe = Pipeline(Config(checkers={"advertising": {"assume_paid": True}}), checkers=["advertising"])
    assert _adv(pipe.check(text, lang="nl")) == LABEL_IDS


def test_bad_rule_params_are_refused():
    from socialrisk.checkers.advertising import AdvertisingChecker
    from socialrisk.rules import Rule

    base = {"id": "ACME-X", "checker": "advertising", "category": "advertising", "severity": "low", "what": "w",
            "why": "w", "message": "m", "examples": {"trigger": ["a"], "clean": ["b"]},
            "match": {"terms": {"all": ["x"]}}}
    for params in ({"check": "nope"}, {"check": "label", "when": "sometimes"}, {"check": "unmarked", "when": "always"}):
        with pytest.raises(ValueError):
            AdvertisingChecker.validate_rule(Rule.model_validate({**base, "params": params}))
    with pytest.raises(ValueError):
        AdvertisingChecker.validate_rule(Rule.model_validate({**base, "match": {}, "params": {"check": "label"}}))
