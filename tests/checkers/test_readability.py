"""Readability checker: textstat scores (offline), long sentences, officialese, passive, nominalisations."""

from __future__ import annotations

import pytest

from conftest import assert_spans
from socialrisk import Pipeline
from socialrisk.checkers import readability
from socialrisk.config import Config

READ = {"select": ["readability"], "min_severity": "info"}

# A long officialese Dutch post, as a council might draft it (written for this test).
OFFICIALESE_NL = (
    "Het college heeft in het kader van de uitvoering van het gemeentelijk mobiliteitsbeleid, na uitgebreide "
    "consultatie van belanghebbenden en maatschappelijke partners, besloten tot herinrichting van de "
    "Stationsstraat. Teneinde de verkeersveiligheid te vergroten, wordt de maximumsnelheid derhalve verlaagd. "
    "Bewoners worden middels een brief inzake de planning geïnformeerd. Het college zal voorts een besluit "
    "nemen over de parkeervoorzieningen."
)
CLEAR_NL = "We maken de Stationsstraat veiliger. Auto's rijden daar straks 30. U krijgt een brief over de planning."


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(Config(), checkers=["readability"])


def _found(pipe, text, lang=None, config=None):
    report = (Pipeline(Config(**config), checkers=["readability"]) if config else pipe).check(text, lang=lang, policy=READ)
    assert_spans(report, text)
    return report


@pytest.mark.parametrize(
    "text,lang,rule_id,excerpt",
    [
        ("Wij nemen maatregelen teneinde de wachtlijst te verkorten.", "nl", "READ-OFFICIALESE", "teneinde"),
        ("Derhalve sluiten wij het zwembad.", "nl", "READ-OFFICIALESE", "Derhalve"),
        ("U betaalt middels een machtiging.", "nl", "READ-OFFICIALESE", "middels"),
        ("Subsidie in het kader van de energietransitie.", "nl", "READ-OFFICIALESE", "in het kader van"),
        ("We will utilise the old school building.", "en", "READ-OFFICIALESE", "utilise"),
        ("We act in order to keep streets safe.", "en", "READ-OFFICIALESE", "in order to"),
        ("Uw aanvraag wordt snel behandeld.", "nl", "READ-PASSIVE", "wordt snel behandeld"),
        ("De brug werd in 1920 door de stad gebouwd.", "nl", "READ-PASSIVE", "werd in 1920 door de stad gebouwd"),
        ("De weg wordt vandaag opgeruimd.", "nl", "READ-PASSIVE", "wordt vandaag opgeruimd"),
        ("The bridge was repaired last week.", "en", "READ-PASSIVE", "was repaired"),
        ("Taxes were paid on time.", "en", "READ-PASSIVE", "were paid"),
        ("Wij zullen een besluit nemen over de markt.", "nl", "READ-NOMINALISATION", "een besluit nemen"),
        ("We will make a decision on the market.", "en", "READ-NOMINALISATION", "make a decision"),
        ("Dit is de arbeidsmarktdiscriminatiewetgeving.", "nl", "READ-LONG-WORD", "arbeidsmarktdiscriminatiewetgeving"),
    ],
)
def test_finds(pipe, text, lang, rule_id, excerpt):
    report = _found(pipe, text, lang)
    assert (rule_id, excerpt) in {(f.rule_id, f.span.excerpt) for f in report.findings}


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Het kabinet faalt in de woningbouw.", "nl"),  # sharp criticism is plain language
        ("We disagree with the minister's plan.", "en"),
        ("Het wordt een mooie dag.", "nl"),  # worden as copula, no participle
        ("Dit wordt een groot gebied met veel groen.", "nl"),  # ge-...-d noun, not a participle
        ("Wij gaan om die reden naar Den Haag.", "nl"),
        ("We are interested in your ideas.", "en"),  # adjective after be
        ("The hundred homes are ready.", "en"),
        ("Voor meer informatie: https://www.rijksoverheid.nl/onderwerpen/woningbouwprogrammering", "nl"),  # a link is not a word
        ("Welkom bij de Rijksdienstvoorondernemendnederland.", "nl"),  # a capitalised name mid-sentence
        (CLEAR_NL, "nl"),
    ],
)
def test_near_misses(pipe, text, lang):
    assert _found(pipe, text, lang).findings == []


def test_replacement_keeps_capital(pipe):
    f = next(f for f in _found(pipe, "Derhalve sluiten wij.", "nl").findings if f.rule_id == "READ-OFFICIALESE")
    assert f.replacement == "Daarom"
    assert "Daarom" in f.suggestion


def test_long_officialese_post_gets_findings_at_the_sentences(pipe):
    text = OFFICIALESE_NL
    report = _found(pipe, text, "nl")
    by_rule = {}
    for f in report.findings:
        by_rule.setdefault(f.rule_id, []).append(f)
    assert {"READ-SCORE-LOW", "READ-SENTENCE-LONG", "READ-OFFICIALESE", "READ-PASSIVE", "READ-NOMINALISATION"} <= set(by_rule)
    # The long first sentence is the one flagged; each finding carries a plain-language suggestion.
    first = text[: text.index("Stationsstraat.") + len("Stationsstraat.")]
    assert [f.span.excerpt for f in by_rule["READ-SENTENCE-LONG"]] == [first]
    assert by_rule["READ-SCORE-LOW"][0].span.excerpt == first
    assert {f.span.excerpt for f in by_rule["READ-OFFICIALESE"]} == {"in het kader van", "Teneinde", "derhalve", "middels", "inzake"}
    assert all(f.suggestion for f in report.findings)
    assert all(f.severity.value in ("info", "low") for f in report.findings)


def test_short_clear_post_gets_nothing(pipeline):
    report = pipeline.check(CLEAR_NL, lang="nl", policy=READ)
    assert [f for f in report.findings if f.category.value == "readability"] == []


def _flesch(text: str, lang: str) -> float:
    """The formula written out from textstat's own counts (Flesch 1948; Douma 1960 for Dutch)."""
    from textstat.backend.counts import count_sentences, count_syllables, count_words

    base, per_sentence, per_syllable = {"nl": (206.835, 0.93, 77.0), "en": (206.835, 1.015, 84.6)}[lang]
    words = count_words(text)
    return base - per_sentence * words / count_sentences(text) - per_syllable * count_syllables(text, readability._TEXTSTAT_LANG[lang]) / words


@pytest.mark.parametrize("lang,text", [("nl", OFFICIALESE_NL), ("nl", CLEAR_NL), ("en", "The council meets on Monday. Everyone is welcome to join.")])
def test_scores_agree_with_textstat(lang, text):
    import textstat

    ours = readability.reading_ease(text, lang)
    assert ours == pytest.approx(_flesch(text, lang))
    # textstat's module-level API, set to the language, gives the same number.
    textstat.set_lang(readability._TEXTSTAT_LANG[lang])
    try:
        assert ours == pytest.approx(textstat.flesch_reading_ease(text))
    finally:
        textstat.set_lang("en_US")  # textstat's default; our checker never uses this global


def test_languages_do_not_leak_into_each_other():
    text = "De gemeente opent een nieuwe bibliotheek in het centrum van de stad."
    nl_before = readability.reading_ease(text, "nl")
    readability.reading_ease("The council opens a new library.", "en")
    assert readability.reading_ease(text, "nl") == nl_before
    assert readability.reading_ease(text, "en") != nl_before  # a different formula, so a different number


def test_english_score_never_downloads(monkeypatch):
    import types

    from textstat.backend.counts import _count_syllables
    from textstat.backend.utils import _get_cmudict

    calls = []

    def no_data(resource):
        calls.append(("find", resource))
        raise LookupError(resource)

    def no_download(*args, **kwargs):
        calls.append(("download", args))
        raise AssertionError("nltk.download was called")

    # textstat's CMUdict loader reaches nltk through its module global: give it an nltk without data.
    fake_nltk = types.SimpleNamespace(data=types.SimpleNamespace(find=no_data), download=no_download)
    monkeypatch.setattr(_get_cmudict, "nltk", fake_nltk)
    # A text never scored before in this process, so nothing comes from textstat's caches;
    # sockets are disabled in this test run, so any network use would fail as well.
    text = "Thermodynamic considerations notwithstanding, the ferry operates hourly on weekdays."
    score = readability.reading_ease(text, "en")
    assert score == pytest.approx(_flesch(text, "en"))
    assert calls == []
    assert _count_syllables.get_cmudict is readability._cmudict_for  # syllables from the cmudict package
    assert readability._cmu_dict()["ferry"]


def test_target_level_is_configurable(pipe):
    text = "De gemeente gaat het park bij het station in twee jaar samen met de bewoners en ondernemers opnieuw inrichten."
    ids = lambda r: {f.rule_id for f in r.findings}  # noqa: E731
    assert "READ-SENTENCE-LONG" not in ids(_found(pipe, text, "nl"))  # B1 by default
    per_lang = _found(pipe, text, "nl", {"checkers": {"readability": {"target_level": {"nl": "A2", "en": "C1"}}}})
    assert "READ-SENTENCE-LONG" in ids(per_lang)
    (f,) = [f for f in per_lang.findings if f.rule_id == "READ-SENTENCE-LONG"]
    assert f.details == {"words": 19, "max_words": 15, "level": "A2"}


def test_unknown_setting_is_refused():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        readability.ReadabilitySettings.model_validate({"target": "B1"})
    with pytest.raises(ValidationError):
        readability.ReadabilitySettings.model_validate({"target_level": "B3"})


@pytest.mark.parametrize(
    "params",
    [
        {"max_words": {"B1": 20}},  # every level needs a number
        {"min_syllables": {"nl": {"A2": 5, "B1": 6, "B2": 7, "C1": "long"}}},
        {"replace": {"de": {"teneinde": "om"}}},
        {"aux": {"nl": ["wordt"]}},  # passive needs window and participles too
        {"words": 3},  # no mechanism
    ],
)
def test_bad_rule_params_are_refused(params):
    from socialrisk.rules import load_pack, rules_dir

    rule = load_pack(rules_dir() / "common" / "readability.yaml")[0][0]
    readability.ReadabilityChecker.validate_rule(rule)  # the shipped rule is fine
    with pytest.raises(ValueError):
        readability.ReadabilityChecker.validate_rule(rule.model_copy(update={"params": params, "languages": ["nl"]}))
