"""Tone checker: shouting, stacked marks, emoji walls, profanity, contempt, us-versus-them, condescension, heat."""

from __future__ import annotations

import pytest

from conftest import assert_spans
from socialrisk import Pipeline
from socialrisk.config import Config
from socialrisk.models import Severity

TONE = {"select": ["tone"], "min_severity": "info"}


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Config(), checkers=["tone"])


def _report(pipe, text, lang):
    report = pipe.check(text, lang=lang, policy=TONE)
    assert_spans(report, text)
    return report


@pytest.mark.parametrize(
    "text,lang,rule_id,excerpt",
    [
        ("WIJ ZIJN HET ZAT!", "nl", "TONE-ALLCAPS", "WIJ ZIJN HET ZAT"),
        ("Kom morgen naar het plein, WANT DIT MOET STOPPEN.", "nl", "TONE-ALLCAPS", "WANT DIT MOET STOPPEN"),
        ("NU STEMMEN OP ONS", "nl", "TONE-ALLCAPS", "NU STEMMEN OP ONS"),  # short words in a shouted run count
        ("STOP THE CUTS NOW", "en", "TONE-ALLCAPS", "STOP THE CUTS NOW"),
        ("Dit kan zo niet langer!!!", "nl", "TONE-PUNCT-STACKED", "!!!"),
        ("Waarom???", "nl", "TONE-PUNCT-STACKED", "???"),
        ("Really?!?", "en", "TONE-PUNCT-STACKED", "?!?"),
        ("Echt! ! !", "nl", "TONE-PUNCT-STACKED", " ! !"),
        ("Feest 🎉🎉🎉🎉", "nl", "TONE-EMOJI-OVERLOAD", "🎉🎉🎉🎉"),
        ("Yes 👍 🎉 🙌 🔥", "en", "TONE-EMOJI-OVERLOAD", "👍 🎉 🙌 🔥"),
        ("Wat een kutplan.", "nl", "TONE-PROFANITY", "kutplan"),
        ("Wat een k*tplan.", "nl", "TONE-PROFANITY", "k*tplan"),
        ("Godverdomme, alweer vertraging.", "nl", "TONE-PROFANITY", "Godverdomme"),
        ("This is sh1t.", "en", "TONE-PROFANITY", "sh1t"),  # leetspeak folded by the analysis
        ("What the f*ck is this plan?", "en", "TONE-PROFANITY", "f*ck"),
        ("Absolute bollocks from the minister.", "en", "TONE-PROFANITY", "bollocks"),
        ("Lazer op met je plannen.", "nl", "TONE-PROFANITY", "Lazer op"),
        ("Wat een ѕhit plan.", "nl", "TONE-PROFANITY", "ѕhit"),  # Cyrillic s
        ("Dit beleid is walgelijk.", "nl", "TONE-AGGRESSIVE", "walgelijk"),
        ("Their answer was pathetic.", "en", "TONE-AGGRESSIVE", "pathetic"),
        ("Die lui in Den Haag snappen er niets van.", "nl", "TONE-US-VS-THEM", "Die lui in Den Haag"),
        ("Those people never listen to us.", "en", "TONE-US-VS-THEM", "Those people"),
        ("Zelfs jij snapt dat dit niet werkt.", "nl", "TONE-CONDESCENSION", "Zelfs jij snapt dat"),
        ("Obviously, the plan fails.", "en", "TONE-CONDESCENSION", "Obviously"),
        ("Educate yourself before you comment.", "en", "TONE-CONDESCENSION", "Educate yourself"),
    ],
)
def test_finds(pipe, text, lang, rule_id, excerpt):
    assert (rule_id, excerpt) in {(f.rule_id, f.span.excerpt) for f in _report(pipe, text, lang).findings}


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Het kabinet faalt in de woningbouw.", "nl"),  # sharp criticism of policy
        ("We disagree with the minister's plan.", "en"),
        ("De minister liegt niet, maar het plan deugt niet.", "nl"),
        ("De VVD, het CDA, D66 en GL-PvdA stemden voor.", "nl"),  # party names in capitals
        ("NATO and the EU agreed; the UN will follow.", "en"),
        ("Bel de GGD of kijk op de site van het RIVM.", "nl"),
        ("Stem op ABC in Zwolle.", "nl"),  # one unknown acronym among lower-case words
        ("Echt?! Dat is nieuw.", "nl"),  # two marks are fine
        ("Gefeliciteerd! 🎉🎉", "nl"),
        ("Meer geld voor onderzoek naar kanker.", "nl"),  # the disease, not the curse
        ("Scunthorpe and Shitake are places and mushrooms.", "en"),
        ("Eliteteams van de politie waren ter plaatse.", "nl"),
        ("Ook jij kunt je aanmelden voor de enquête.", "nl"),
        ("Kijk op https://example.nl/kut-plan-fuck voor het verslag.", "nl"),  # words inside a link
        ("Dit is onacceptabel. Wij vragen de minister om uitleg.", "nl"),
        ("#SHITSTORM is trending.", "en"),  # hashtags are not shouted words or swearing in the text
        ("De rechter oordeelde anders (ECLI:NL:RBAMS:2024:1234).", "nl"),  # a case number is not shouting
        ("Maak over naar NL02 RABO 0123 4567 89 t.n.v. Stichting Buurtkracht.", "nl"),  # nor an IBAN
        ("Gefeliciteerd! Wat mooi! Tot morgen!", "nl"),  # exclamation marks alone are not heat
    ],
)
def test_near_misses(pipe, text, lang):
    found = _report(pipe, text, lang).findings
    assert found == [], [(f.rule_id, f.span.excerpt) for f in found]


def test_severities_never_block(pipe):
    text = "WAT EEN KUTZOOI!!! Die lui in Den Haag zijn walgelijk. Zelfs jij snapt dat 🤬🤬🤬🤬🤬"
    report = _report(pipe, text, "nl")
    assert {"TONE-ALLCAPS", "TONE-PUNCT-STACKED", "TONE-PROFANITY", "TONE-AGGRESSIVE", "TONE-US-VS-THEM", "TONE-CONDESCENSION", "TONE-EMOJI-OVERLOAD"} <= {f.rule_id for f in report.findings}
    assert max(f.severity for f in report.findings) == Severity.MEDIUM
    assert report.decision.value != "no_go"


def test_profanity_is_medium_and_sharp_criticism_is_not(pipe):
    assert {f.severity for f in _report(pipe, "Wat een kutzooi.", "nl").findings} == {Severity.MEDIUM}
    for text, lang in [("Het kabinet faalt in de woningbouw.", "nl"), ("We disagree with the minister's plan.", "en")]:
        assert not [f for f in _report(pipe, text, lang).findings if f.severity >= Severity.MEDIUM]


def test_whole_post_shouting_is_one_finding(pipe):
    text = "DIT IS EEN SCHANDE, DE GEMEENTE DOET NIETS"
    found = [f for f in _report(pipe, text, "nl").findings if f.rule_id == "TONE-ALLCAPS"]
    assert [(f.span.excerpt, f.details["caps"]) for f in found] == [(text, 8)]


def test_intensity_follows_the_voice(pipe):
    text = "Dit is een enorme stap. Wij zijn er heel blij mee! Kom allemaal naar het feest."
    calm = Pipeline(Config(checkers={"tone": {"voice": "institutional"}}), checkers=["tone"])
    (found,) = [f for f in _report(calm, text, "nl").findings if f.rule_id == "TONE-INTENSITY"]
    assert found.span.excerpt == "Dit is een enorme stap."  # the first of two equally heated sentences
    assert found.details == {"markers": 2, "per_10_words": 1.25, "voice": "institutional"}
    assert {r.excerpt for r in found.related} == {"enorme", "!"}
    # The default voice (party) allows this much.
    assert not [f for f in _report(pipe, text, "nl").findings if f.rule_id == "TONE-INTENSITY"]


def test_heated_post_points_at_the_hottest_sentence(pipe):
    text = "De raad vergaderde gisteren. Dit is absoluut schandalig en totaal onacceptabel!"
    found = [f for f in _report(pipe, text, "nl").findings if f.rule_id == "TONE-INTENSITY"]
    assert [f.span.excerpt for f in found] == ["Dit is absoluut schandalig en totaal onacceptabel!"]
    assert {r.excerpt for r in found[0].related} == {"absoluut", "schandalig", "totaal", "onacceptabel", "!"}


@pytest.mark.parametrize(
    "text,lang,kept",
    [
        ("Goed gedaan hoor 🤡🤡🤡🤡", "nl", set()),  # the clowns are the sarcasm marker
        ("Ja hoor!!! Weer een plan.", "nl", set()),
        ("Yeah right??? As if.", "en", set()),
        ("Obviously a great plan /s", "en", {"TONE-CONDESCENSION"}),  # not on the marker: still reported
        ("Ja hoor, wat een kutplan.", "nl", {"TONE-PROFANITY"}),
    ],
)
def test_sarcasm_markers_are_left_to_the_ambiguity_checker(pipe, text, lang, kept):
    assert {f.rule_id for f in _report(pipe, text, lang).findings} == kept


def test_unknown_voice_is_refused():
    from pydantic import ValidationError

    from socialrisk.checkers.tone import ToneSettings

    with pytest.raises(ValidationError):
        ToneSettings.model_validate({"voice": "angry"})


@pytest.mark.parametrize("text,lang,severity", [
    ("LET OP!!! ALLE INWONERS MOETEN HUN CONTAINER VOOR VRIJDAG AANMELDEN!!!", "nl", "medium"),
    ("URGENT: ALL PARKING PERMITS MUST BE RENEWED ONLINE BEFORE THE END OF MAY", "en", "medium"),
    ("VOTE FOR US TODAY, EVERY VOTE COUNTS!", "en", "low"),  # a short slogan: emphasis, not a whole shouted post
    ("NU STEMMEN OP ONZE LIJST, HET KAN NOG!", "nl", "low"),
])
def test_a_whole_post_in_capitals_is_medium(pipe, text, lang, severity):
    found = [f for f in _report(pipe, text, lang).findings if f.rule_id == "TONE-ALLCAPS"]
    assert [f.severity.value for f in found] == [severity]


def test_whole_post_needs_its_three_settings():
    from socialrisk.checkers.tone import ToneChecker
    from socialrisk.rules import Rule

    rule = Rule.model_validate({
        "id": "TONE-X", "checker": "tone", "category": "tone", "severity": "low",
        "params": {"min_share": 0.5, "min_words": 3, "min_run": 3, "max_acronym_len": 3,
                   "whole_post": {"min_share": 0.9, "severity": "loud"}},
        "what": "w", "why": "w", "message": "m", "examples": {"trigger": ["X"], "clean": ["y"]},
    })
    with pytest.raises(ValueError, match="params.whole_post"):
        ToneChecker.validate_rule(rule)
