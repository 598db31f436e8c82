"""The legal checker on indirect wording: threats in euphemism, exclusion and vermin metaphors aimed at a group,
defamation in paraphrase, mocking metaphors at a person. Each FIRES case names the rule and the least severity
it must reach; each QUIET case is a near miss (policy criticism, the same idiom said harmlessly) that must stay
below medium. Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import assert_spans
from socialrisk.models import Severity

# (text, lang, rule id, minimum severity)
FIRES = [
    # -- 1. threats and calls to violence in euphemism
    ("The councillors ought to be strung up for this.", "en", "LEGAL-THREAT", "blocker"),
    ("De wethouders moeten opgehangen worden.", "nl", "LEGAL-THREAT", "blocker"),
    ("Die ministers moeten allemaal opgehangen worden.", "nl", "LEGAL-THREAT", "blocker"),
    ("Councillor Hill deserves a bullet.", "en", "LEGAL-THREAT", "blocker"),
    ("Die wethouder verdient een kogel.", "nl", "LEGAL-THREAT", "blocker"),
    ("Wethouder De Boer weet wat hem te wachten staat. Pas maar op.", "nl", "LEGAL-THREAT-VEILED", "blocker"),
    ("Wethouder De Boer, je weet wat je te wachten staat als je dit doorzet.", "nl", "LEGAL-THREAT-VEILED", "blocker"),
    ("Councillor Hill knows what's coming to him. Watch yourself.", "en", "LEGAL-THREAT-VEILED", "blocker"),
    ("Zaterdag komen we wethouder Kok thuis opzoeken. Hij is gewaarschuwd.", "nl", "LEGAL-DOX", "blocker"),
    ("We should pay Councillor Baker a visit at home. Consider yourself warned.", "en", "LEGAL-DOX", "blocker"),
    ("Zaterdag komen we wethouder Kok thuis opzoeken.", "nl", "LEGAL-DOX", "high"),
    ("Someone should teach him a lesson he won't forget.", "en", "LEGAL-THREAT-VEILED", "blocker"),
    ("Iemand moet hem eens een lesje leren.", "nl", "LEGAL-THREAT-VEILED", "high"),
    ("Zijn dagen zijn geteld.", "nl", "LEGAL-THREAT-VEILED", "high"),
    ("Torch the place.", "en", "LEGAL-THREAT", "blocker"),
    ("Met fakkels en hooivorken naar het huis van de burgemeester!", "nl", "LEGAL-THREAT", "blocker"),
    ("Grab your torches and pitchforks and march to the mayor's house.", "en", "LEGAL-THREAT", "blocker"),
]

QUIET = [
    # -- 1. the same words, no threat
    ("Kill the bill!", "en"),
    ("Hang on, the council is still voting.", "en"),
    ("We hangen de posters op in de hele wijk.", "nl"),
    ("De dagen van het kabinet zijn geteld.", "nl"),
    ("The government's days are numbered.", "en"),
    ("Hij weet wat hem te wachten staat.", "nl"),
    ("Wie te laat komt, weet wat hem te wachten staat: een lange rij.", "nl"),
    ("Als je dit doorzet, weet je wat je te wachten staat bij de verkiezingen.", "nl"),
    ("Everyone knows what's coming: higher bills. Watch your step.", "en"),
    ("The pandemic taught us a lesson we won't forget.", "en"),
    ("De kiezer zal de coalitie een lesje leren.", "nl"),
    ("The olympic torch passes the town hall today.", "en"),
    ("This point deserves a bullet point of its own in the manifesto.", "en"),
    ("We gaan oma thuis opzoeken met de kinderen.", "nl"),
]


@pytest.mark.parametrize("text,lang,rule_id,severity", FIRES)
def test_fires(pipeline, text, lang, rule_id, severity):
    report = pipeline.check(text, lang=lang)
    assert_spans(report, text)
    got = [f.severity for f in report.findings if f.rule_id == rule_id]
    assert got and max(got) >= Severity(severity), [(f.rule_id, f.span.excerpt, f.severity.value) for f in report.findings]


@pytest.mark.parametrize("text,lang", QUIET)
def test_quiet(pipeline, text, lang):
    report = pipeline.check(text, lang=lang)
    assert_spans(report, text)
    loud = [(f.rule_id, f.span.excerpt, f.severity.value) for f in report.findings if f.checker == "legal" and f.severity >= Severity.MEDIUM]
    assert not loud
