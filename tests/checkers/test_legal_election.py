"""LEGAL-ELECTION beyond the first forms: a card that is no voting document, ID said not to be needed, two
parties' voters told two days, the votes of a place said not to count, a pen said to void a ballot, the
municipal franchise denied to non-Dutch residents, polling stations said to close early. Each has a near miss
that is true or is politics and must stay quiet."""

from __future__ import annotations

import pytest

from conftest import assert_fires, assert_spans
from socialrisk.models import Severity

# (text, lang, excerpt): each a LEGAL-ELECTION blocker
FIRES = [
    ("Neem woensdag je pinpas mee naar het stembureau, dan kun je stemmen.", "nl",
     "Neem woensdag je pinpas mee naar het stembureau"),
    ("Je kunt stemmen met je OV-chipkaart of je zorgpas.", "nl", "stemmen met je OV-chipkaart"),
    ("Je hebt geen ID nodig om te stemmen, alleen je stempas.", "nl", "geen ID nodig om te stemmen"),
    ("Legitimeren is niet nodig bij het stemmen.", "nl", "Legitimeren is niet nodig bij het stemmen"),
    ("Bring your bank card to the polling station to vote.", "en", "Bring your bank card to the polling station"),
    ("PvdA-stemmers stemmen woensdag, VVD-stemmers donderdag.", "nl",
     "PvdA-stemmers stemmen woensdag, VVD-stemmers donderdag"),
    ("Kiezers van GroenLinks stemmen op dinsdag, kiezers van het CDA op woensdag.", "nl",
     "Kiezers van GroenLinks stemmen op dinsdag, kiezers van het CDA op woensdag"),
    ("Labour voters vote on Thursday, Conservative voters on Friday.", "en",
     "Labour voters vote on Thursday, Conservative voters on Friday"),
    ("Stemmen uit Nieuw-West tellen dit jaar niet mee.", "nl", "Stemmen uit Nieuw-West tellen dit jaar niet mee"),
    ("Stemmen die op het stembureau in de bibliotheek zijn uitgebracht, worden niet geteld.", "nl",
     "Stemmen die op het stembureau in de bibliotheek zijn uitgebracht, worden niet geteld"),
    ("Votes cast at the Riverside polling station won't be counted.", "en",
     "Votes cast at the Riverside polling station won't be counted"),
    ("Votes from the Eastfield ward will not count this time.", "en", "Votes from the Eastfield ward will not count"),
    ("Your vote won't count if you use a pencil, so bring a pen.", "en", "Your vote won't count if you use a pencil"),
    ("Je stem telt niet als je het vakje met een pen inkleurt in plaats van het rode potlood.", "nl",
     "Je stem telt niet als je het vakje met een pen"),
    ("Bij de gemeenteraadsverkiezingen mag je zonder Nederlands paspoort niet stemmen.", "nl",
     "gemeenteraadsverkiezingen mag je zonder Nederlands paspoort niet stemmen"),
    ("Zonder Nederlandse nationaliteit kun je niet stemmen bij de gemeenteraadsverkiezing.", "nl",
     "Zonder Nederlandse nationaliteit kun je niet stemmen bij de gemeenteraadsverkiezing"),
    ("Alleen Nederlanders mogen stemmen voor de gemeenteraad.", "nl", "Alleen Nederlanders mogen stemmen voor de gemeenteraad"),
    ("Let op: alle stembureaus sluiten dit jaar al om 19.00 uur.", "nl", "alle stembureaus sluiten dit jaar al om 19.00"),
    ("De stembureaus zijn woensdag open tot 18.00 uur.", "nl", "De stembureaus zijn woensdag open tot 18.00"),
    ("Remember, polls close at 8pm tomorrow, so get there early!", "en", "polls close at 8pm"),
    ("Polling stations are open until 9pm on Thursday.", "en", "Polling stations are open until 9pm"),
]

# true voting information, corrections, and politics about votes in council
QUIET = [
    ("Stempas kwijt? Vraag een vervangende stempas aan bij de gemeente. Neem je stempas en een geldig ID mee.", "nl"),
    ("Betalen in het stembureau met je pinpas kan niet, maar koffie is gratis!", "nl"),
    ("Neem je stempas en je paspoort, ID-kaart of rijbewijs mee.", "nl"),
    ("Met je bankpas kun je niet stemmen: je hebt je stempas en een ID nodig.", "nl"),
    ("You can't vote with a bank card; bring accepted photo ID such as a passport or driving licence.", "en"),
    ("You need photo ID to vote in UK general elections.", "en"),
    ("PvdA-stemmers en VVD-stemmers stemmen allemaal op woensdag.", "nl"),
    ("Labour voters and Conservative voters both vote on Thursday.", "en"),
    ("Stemmen uit Nieuw-West tellen net zo zwaar als stemmen uit Zuid.", "nl"),
    ("Every vote counts, whether it is cast in Eastfield or Westfield.", "en"),
    ("Your vote won't count if you mark more than one box, so put one cross only.", "en"),
    ("Je stem telt niet als je meer dan één vakje inkleurt.", "nl"),
    ("Postal votes that arrive after 10pm on polling day will not be counted.", "en"),
    ("Votes cast after the polls close won't count; the polling stations close at 10pm.", "en"),
    ("Het stembureau in de bibliotheek is woensdag open van 7.30 tot 21.00 uur.", "nl"),
    ("Onze fractie stemde donderdag tegen het voorstel; de VVD stemde woensdag in de commissie voor.", "nl"),
    ("De stemmen van de jongeren telden niet mee in het besluit van de coalitie, vinden wij.", "nl"),
    ("Their votes in council didn't count for anything: the coalition ignored every amendment.", "en"),
    ("Labour councillors voted on Thursday to cut the bus subsidy; Conservative councillors voted against on Friday.", "en"),
    ("Ook zonder Nederlands paspoort mag je bij de gemeenteraadsverkiezingen stemmen als je hier vijf jaar woont.", "nl"),
    ("Voor de Tweede Kamer mag je alleen stemmen met de Nederlandse nationaliteit.", "nl"),
    ("Sommige stembureaus sluiten om 17.00 uur; de meeste zijn open tot 21.00 uur.", "nl"),
    ("Het mobiele stembureau in het ziekenhuis is open tot 14.00 uur.", "nl"),
    ("De stembureaus zijn woensdag open van 7.30 tot 21.00 uur.", "nl"),
    ("Polls close at 10pm. Polling stations open at 7am.", "en"),
    ("Our Twitter poll closes at 5pm: have your say!", "en"),
    ("Polling stations are open from 7am until 10pm on Thursday.", "en"),
    ("The consultation closes at 5pm on Friday.", "en"),
]


@pytest.mark.parametrize("text,lang,excerpt", FIRES)
def test_fires(pipeline, text, lang, excerpt):
    assert_fires(pipeline.check(text, lang=lang), text, "LEGAL-ELECTION", excerpt, "blocker")


@pytest.mark.parametrize("text,lang", QUIET)
def test_quiet(pipeline, text, lang):
    report = pipeline.check(text, lang=lang)
    assert_spans(report, text)
    assert not [f.span.excerpt for f in report.findings if f.checker == "legal" and f.severity >= Severity.MEDIUM]


# -- LEGAL-ELECTION-DAY: only with the election days in the configuration or the post ------------------------

DAY_CONFIG = {"checkers": {"legal": {"election_days": ["2026-03-18"]}}}
UK_CONFIG = {"checkers": {"legal": {"election_days": ["2026-05-07"]}}}

DAY_FIRES = [
    (DAY_CONFIG, "Stem donderdag 19 maart op lijst 3!", "nl", "19 maart"),
    (DAY_CONFIG, "De verkiezingen zijn op 19-03-2026.", "nl", "19-03-2026"),
    (DAY_CONFIG, "Stem op 18 maart 2027!", "nl", "18 maart 2027"),  # the right day in another year
    (DAY_CONFIG, "Ga zaterdag stemmen!", "nl", "zaterdag"),
    (DAY_CONFIG, "Vergeet niet: op donderdag kun je stemmen.", "nl", "donderdag"),
    (UK_CONFIG, "Vote Labour on Friday 8 May!", "en", "8 May"),
    (UK_CONFIG, "Polling day is Friday.", "en", "Friday"),
    (UK_CONFIG, "Cast your vote on May 8!", "en", "May 8"),
]

DAY_QUIET = [
    (DAY_CONFIG, "Stem woensdag 18 maart op lijst 3!", "nl"),
    (DAY_CONFIG, "De verkiezingen zijn op 18-03-2026.", "nl"),
    (DAY_CONFIG, "De raad stemt donderdag over de begroting.", "nl"),
    (DAY_CONFIG, "Stem woensdag, niet donderdag!", "nl"),
    (DAY_CONFIG, "Op 18 maart zijn de verkiezingen; de uitslag volgt op 19 maart.", "nl"),
    (DAY_CONFIG, "Kun je donderdag niet? Stem dan woensdag.", "nl"),
    (UK_CONFIG, "Vote Labour on Thursday 7 May!", "en"),
    (UK_CONFIG, "MPs vote on Tuesday on the bill.", "en"),
    (UK_CONFIG, "The council votes on Friday on the budget.", "en"),
    (UK_CONFIG, "Polls are open 7am-10pm on Thursday, not Friday.", "en"),
    ({}, "Stem donderdag 19 maart op lijst 3!", "nl"),  # no election days: the rule is off
]


@pytest.mark.parametrize("config,text,lang,excerpt", DAY_FIRES)
def test_election_day_fires(config, text, lang, excerpt):
    from socialrisk.pipeline import Pipeline

    assert_fires(Pipeline(config).check(text, lang=lang), text, "LEGAL-ELECTION-DAY", excerpt, "blocker")


@pytest.mark.parametrize("config,text,lang", DAY_QUIET)
def test_election_day_quiet(config, text, lang):
    from socialrisk.pipeline import Pipeline

    report = Pipeline(config).check(text, lang=lang)
    assert not [f.span.excerpt for f in report.findings if f.rule_id == "LEGAL-ELECTION-DAY"]


def test_election_days_of_the_post_win_over_the_configuration(pipeline):
    text = "Stem donderdag 19 maart!"
    assert pipeline.check(text, lang="nl", election_days=["2026-03-18"]).decision.value == "no_go"
    assert pipeline.check(text, lang="nl", election_days="2026-03-19").decision.value == "go"


def test_bad_election_days_are_named_errors(pipeline):
    from socialrisk.errors import ConfigError, InputError
    from socialrisk.pipeline import Pipeline

    with pytest.raises(InputError, match="election_days must be ISO dates"):
        pipeline.check("Stem donderdag!", lang="nl", election_days=["19 maart"])
    with pytest.raises(ConfigError, match="election_days"):
        Pipeline({"checkers": {"legal": {"election_days": ["next wednesday"]}}})


def test_election_day_many_cues_in_one_sentence(pipeline):
    """Each voting cue of a long sentence takes its own nearest day (the days of a sentence are found once, and a
    cue's window by bisection): the wrong days are flagged, the right ones and a date outside the window are not."""
    part = "kun je donderdag stemmen of kun je woensdag stemmen of polling is open"
    text = ", ".join([part] * 40) + "."
    days = [f for f in pipeline.check(text, lang="nl", election_days=["2026-03-18"]).findings if f.rule_id == "LEGAL-ELECTION-DAY"]
    assert [text[f.span.start : f.span.end] for f in days] == ["donderdag"] * 40
    # a written date anywhere in the sentence: weekdays no longer count, and a date too far from every cue is not read
    text = ", ".join([part] * 40) + ", en de uitslag komt " + "heel " * 20 + "op 19 maart."
    assert not [f for f in pipeline.check(text, lang="nl", election_days=["2026-03-18"]).findings if f.rule_id == "LEGAL-ELECTION-DAY"]
