"""The privacy checker links a sensitive fact to a named private person across a long relative clause or
apposition that belongs to the name, and not across an unrelated clause; own sentences."""

from __future__ import annotations

import pytest

from conftest import assert_spans
from socialrisk.models import Severity

ALL = {"min_severity": "info"}


def _findings(pipeline, text, lang, rule):
    report = pipeline.check(text, lang=lang, policy=ALL)
    assert_spans(report, text)
    return report, [f for f in report.findings if f.rule_id == rule]


LINKED = [
    ("Onze buurman Kees Verhoef, die al jaren in de Lindelaan woont en elke zondag bij de voetbalclub helpt, is vorige "
     "maand opgenomen met een zware depressie.", "nl", "PRIV-SPECIAL-CATEGORY", "depressie"),
    ("Tom Harding, who many of you will know from the lunch club where he has volunteered for years, has been "
     "diagnosed with cancer.", "en", "PRIV-SPECIAL-CATEGORY", "cancer"),
    ("Mevrouw Anneke van der Berg – die elke week de krantjes rondbrengt in de hele wijk en de buurtapp beheert – heeft "
     "sinds kort dementie.", "nl", "PRIV-SPECIAL-CATEGORY", "dementie"),
    ("Gary Holt, the man who runs the chip shop on Mill Road and coaches the under-12s, served three years for "
     "burglary.", "en", "PRIV-CRIMINAL-RECORD", "served three years for burglary"),
    ("Kees Verhoef, die al jaren in de Lindelaan woont, zat twee jaar vast.", "nl", "PRIV-CRIMINAL-RECORD",
     "zat twee jaar vast"),
    ("Pieter Blom, de man die de fietsenwinkel aan de Markt heeft en de jeugd traint, kreeg drie jaar cel.", "nl",
     "PRIV-CRIMINAL-RECORD", "kreeg drie jaar cel"),
    ("Dave Marsh spent two years in prison.", "en", "PRIV-CRIMINAL-RECORD", "spent two years in prison"),
]

NOT_LINKED = [
    # the name's own predicate is another verb: the fact is about someone else
    ("Onze buurman Kees Verhoef, die al jaren in de Lindelaan woont en elke zondag bij de voetbalclub helpt, zegt dat "
     "veel mensen met een depressie geen hulp krijgen.", "nl", "PRIV-SPECIAL-CATEGORY"),
    ("Tom Harding, who many of you will know from the lunch club where he has volunteered for years, says cancer "
     "care is underfunded.", "en", "PRIV-SPECIAL-CATEGORY"),
    # no clause that belongs to the name: an unrelated clause in between
    ("Kees Verhoef woont al jaren in de Lindelaan en helpt elke zondag bij de voetbalclub, en de wachtlijst voor "
     "mensen met een depressie is lang.", "nl", "PRIV-SPECIAL-CATEGORY"),
    ("Jan Smit, who chairs the residents' association and runs the food bank, is worried and people with "
     "depression wait months.", "en", "PRIV-SPECIAL-CATEGORY"),
    # policy about groups
    ("Mensen met een depressie wachten maanden op hulp; dat moet anders.", "nl", "PRIV-SPECIAL-CATEGORY"),
    # a term of office, not a prison term
    ("Gary Holt served three years as chair of the allotment society.", "en", "PRIV-CRIMINAL-RECORD"),
    ("Gary Holt served three years for the council before he stood down.", "en", "PRIV-CRIMINAL-RECORD"),
    ("Criminelen die twee jaar vast zaten, krijgen bij ons een tweede kans.", "nl", "PRIV-CRIMINAL-RECORD"),
]

PUBLIC = [
    # a politician's own public statement about his health
    ("Minister Hugo de Jonge, die al jaren in de Tweede Kamer zit en het woonbeleid trekt, heeft zelf een depressie "
     "gehad, vertelde hij.", "nl", "PRIV-SPECIAL-CATEGORY"),
    ("Councillor Tom Harding, who has represented the ward since 2015 and chairs planning, has spoken about his "
     "depression.", "en", "PRIV-SPECIAL-CATEGORY"),
]


@pytest.mark.parametrize("text,lang,rule,excerpt", LINKED)
def test_fact_linked_across_a_long_clause_of_the_name(pipeline, text, lang, rule, excerpt):
    report, found = _findings(pipeline, text, lang, rule)
    assert [(f.span.excerpt, f.severity) for f in found] == [(excerpt, Severity.BLOCKER)]
    assert report.decision.value == "no_go"


@pytest.mark.parametrize("text,lang,rule", NOT_LINKED + PUBLIC)
def test_fact_not_linked_across_another_clause(pipeline, text, lang, rule):
    _, found = _findings(pipeline, text, lang, rule)
    assert all(f.severity <= Severity.LOW for f in found), [(f.span.excerpt, f.severity) for f in found]
