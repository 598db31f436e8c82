"""The ambiguity checker: each mechanism fires on its phrasing and stays quiet on near misses."""

from __future__ import annotations

import pytest

from conftest import assert_spans
from socialrisk.analysis import analyse
from socialrisk.checkers.ambiguity import AmbiguityChecker, sarcasm_spans
from socialrisk.models import Post, Severity
from socialrisk.rules import Rule

SCHEDULED = {"scheduled": "2026-03-09T18:00:00"}  # a Monday

# (text, lang, post fields, rule id, excerpt, severity)
FIRES = [
    ("Er komen veel nieuwe woningen in Zuid.", "nl", {}, "AMBIG-VAGUE-QUANTITY", "veel", "low"),
    ("We beloven een aantal extra agenten.", "nl", {}, "AMBIG-VAGUE-QUANTITY", "een aantal", "medium"),
    ("We will plant lots of trees in the park.", "en", {}, "AMBIG-VAGUE-QUANTITY", "lots of", "low"),
    ("Het nieuwe zwembad gaat binnenkort open.", "nl", {}, "AMBIG-VAGUE-TIME", "binnenkort", "low"),
    ("We promise to reopen the library as soon as possible.", "en", {}, "AMBIG-VAGUE-TIME", "as soon as possible", "medium"),
    ("Vanavond debatteert de raad over de begroting.", "nl", {}, "AMBIG-RELATIVE-DATE", "Vanavond", "low"),
    ("Kom morgen naar de markt!", "nl", SCHEDULED, "AMBIG-RELATIVE-DATE", "morgen", "medium"),
    ("See you next week at the town hall.", "en", SCHEDULED, "AMBIG-RELATIVE-DATE", "next week", "medium"),
    ("Een nieuwe brug is niet ondenkbaar.", "nl", {}, "AMBIG-DOUBLE-NEGATION", "niet ondenkbaar", "low"),
    ("Dat gaat niet zonder slag of stoot.", "nl", {}, "AMBIG-DOUBLE-NEGATION", "niet zonder", "low"),
    ("It is not uncommon for repairs to take longer.", "en", {}, "AMBIG-DOUBLE-NEGATION", "not uncommon", "low"),
    ("We can't not respond to this.", "en", {}, "AMBIG-DOUBLE-NEGATION", "can't not", "low"),
    ("Nobody can say we didn't warn them.", "en", {}, "AMBIG-DOUBLE-NEGATION", "Nobody can say we didn't", "low"),
    ("Ze hebben de motie weer weggestemd.", "nl", {}, "AMBIG-OPENING-PRONOUN", "Ze", "medium"),
    ("Ze stemden tegen de motie van de SP.", "nl", {}, "AMBIG-OPENING-PRONOUN", "Ze", "medium"),
    ("They failed the residents of Eastwick.", "en", {}, "AMBIG-OPENING-PRONOUN", "They", "medium"),
    ("Dit is een schande.", "nl", {}, "AMBIG-OPENING-PRONOUN", "Dit", "low"),
    ("Hij is 24 en ons jongste raadslid: welkom, Daan Smit!", "nl", {}, "AMBIG-OPENING-PRONOUN", "Hij", "low"),
    ("Burgemeester Jansen belde met minister De Graaf. Hij zegde steun toe.", "nl", {}, "AMBIG-PRONOUN-REFERENT", "Hij", "low"),
    ("De PvdA debatteerde met de VVD. Zij wil de huren bevriezen.", "nl", {}, "AMBIG-PRONOUN-REFERENT", "Zij", "low"),
    ("The minister met the mayor before he resigned.", "en", {}, "AMBIG-PRONOUN-REFERENT", "he", "low"),
    ("De minister zei tegen de burgemeester dat hij moest aftreden.", "nl", {}, "AMBIG-PRONOUN-REFERENT", "hij", "low"),
    ("Minister Jansen belde wethouder Bakker nadat hij was afgetreden.", "nl", {}, "AMBIG-PRONOUN-REFERENT", "hij", "low"),
    ("Cllr Patel and Cllr Hughes visited the depot. He then cancelled the contract.", "en", {}, "AMBIG-PRONOUN-REFERENT", "He", "low"),
    ("Mrs Carter told the Senator that she had broken the rules.", "en", {}, "AMBIG-PRONOUN-REFERENT", "she", "low"),
    ("We won't hesitate to not renew the lease.", "en", {}, "AMBIG-DOUBLE-NEGATION", "won't hesitate to not", "low"),
    ("De raad is er niet op tegen dat het buurthuis niet open gaat.", "nl", {}, "AMBIG-DOUBLE-NEGATION",
     "niet op tegen dat het buurthuis niet", "low"),
    ("Het is niet onterecht dat de raad twijfelt.", "nl", {}, "AMBIG-DOUBLE-NEGATION", "niet onterecht", "low"),
    ("The claim is not untrue.", "en", {}, "AMBIG-DOUBLE-NEGATION", "not untrue", "low"),
    ("Ja hoor, de huur gaat weer omhoog.", "nl", {}, "AMBIG-SARCASM", "Ja hoor", "medium"),
    # "ja hoor" / "yeah sure" are also a sincere yes: they count with a cue of irony
    ("Het college zegt dat de wijk veilig is. Ja hoor. Vraag het de bewoners maar.", "nl", {}, "AMBIG-SARCASM", "Ja hoor", "medium"),
    ("Ja hoor, alweer een nieuw plan.", "nl", {}, "AMBIG-SARCASM", "Ja hoor", "medium"),
    ("The minister says the trains run fine. Yeah sure.", "en", {}, "AMBIG-SARCASM", "Yeah sure", "medium"),
    ("Yeah sure, the plan is fully funded 🙄", "en", {}, "AMBIG-SARCASM", "Yeah sure", "medium"),
    ("Nou, lekker dan. Weer uitstel.", "nl", {}, "AMBIG-SARCASM", "Nou, lekker dan", "medium"),
    ("Great job, minister 🙄", "en", {}, "AMBIG-SARCASM", "Great job, minister 🙄", "medium"),
    ("Goed gedaan... weer een jaar vertraging.", "nl", {}, "AMBIG-SARCASM", "Goed gedaan...", "medium"),
    ("Knap hoor, en nog steeds geen plan.", "nl", {}, "AMBIG-SARCASM", "Knap hoor, en nog steeds geen plan", "low"),
    ("The so-called 'plan' arrived late.", "en", {}, "AMBIG-SARCASM", "'plan'", "medium"),
    ("Weer een 'inspraakavond' zonder inspraak.", "nl", {}, "AMBIG-SARCASM", "'inspraakavond'", "low"),
    ("Sure, the trains run on time /s", "en", {}, "AMBIG-SARCASM", "/s", "medium"),
    ("Is het toeval dat de opdracht naar zijn neef ging?", "nl", {}, "AMBIG-LEADING-QUESTION",
     "Is het toeval dat de opdracht naar zijn neef ging?", "medium"),
    ("Why won't the mayor explain the overspend?", "en", {}, "AMBIG-LEADING-QUESTION",
     "Why won't the mayor explain the overspend?", "medium"),
    ("Wat heeft de wethouder te verbergen?", "nl", {}, "AMBIG-LEADING-QUESTION", "Wat heeft de wethouder te verbergen?", "medium"),
    ("...en daarom stemmen wij tegen.", "nl", {}, "AMBIG-MID-SENTENCE", "...", "medium"),
    ("because the plan was never costed.", "en", {}, "AMBIG-MID-SENTENCE", "because", "medium"),
    ("De BOA's komen vanavond langs.", "nl", {}, "AMBIG-ABBREVIATION", "BOA", "low"),
    ("Vanavond is het voorstel een hamerstuk.", "nl", {}, "AMBIG-JARGON", "hamerstuk", "low"),
    ("The change needs an early day motion.", "en", {}, "AMBIG-JARGON", "early day motion", "low"),
    ("Het tekort op de begroting is nu 3,5.", "nl", {}, "AMBIG-NUMBER-NO-UNIT", "3,5", "low"),
    ("Housing costs rose by 12.", "en", {}, "AMBIG-NUMBER-NO-UNIT", "12", "low"),
]

# (text, lang, post fields, rule id that must stay quiet)
QUIET = [
    ("We are not against the plan, and we will not vote for cuts.", "en", {}, "AMBIG-DOUBLE-NEGATION"),
    ("We do not want to lose the library.", "en", {}, "AMBIG-DOUBLE-NEGATION"),
    ("Wij zijn niet tegen het plan, maar de bibliotheek moet open.", "nl", {}, "AMBIG-DOUBLE-NEGATION"),
    ("Cllr Patel visited the depot with residents. He then cancelled the contract.", "en", {}, "AMBIG-PRONOUN-REFERENT"),
    ("Veel mensen kwamen naar de inloopavond.", "nl", {}, "AMBIG-VAGUE-QUANTITY"),   # no promise
    ("Veel succes aan alle geslaagden, we gaan jullie missen!", "nl", {}, "AMBIG-VAGUE-QUANTITY"),  # excluded phrase
    ("We will build 450 homes.", "en", {}, "AMBIG-VAGUE-QUANTITY"),
    ("See you soon, and thanks for coming!", "en", {}, "AMBIG-VAGUE-TIME"),
    ("Morgen, 10 maart, stemt de raad.", "nl", SCHEDULED, "AMBIG-RELATIVE-DATE"),        # the date is there
    ("Vandaag de dag werkt iedereen thuis.", "nl", {}, "AMBIG-RELATIVE-DATE"),            # idiom: nowadays
    ("De brief is niet ontvangen.", "nl", {}, "AMBIG-DOUBLE-NEGATION"),                    # ont- is no negation
    ("Dat staat niet onder druk.", "nl", {}, "AMBIG-DOUBLE-NEGATION"),
    ("The union is not united on this.", "en", {}, "AMBIG-DOUBLE-NEGATION"),
    ("The plan is not understood by residents.", "en", {}, "AMBIG-DOUBLE-NEGATION"),
    ("We hebben de brief niet ontvangen en niet ontkend.", "nl", {}, "AMBIG-DOUBLE-NEGATION"),
    ("This is not under review.", "en", {}, "AMBIG-DOUBLE-NEGATION"),
    ("Zij die willen meedenken zijn welkom.", "nl", {}, "AMBIG-OPENING-PRONOUN"),         # explained at once
    ("Dit weekend is de markt op het plein.", "nl", {}, "AMBIG-OPENING-PRONOUN"),         # determiner
    ("This is our plan: https://example.org/plan", "en", {}, "AMBIG-OPENING-PRONOUN"),    # points at the link
    ("@buurman Ze zijn al gemaaid, dank voor de melding.", "nl", {}, "AMBIG-OPENING-PRONOUN"),  # a reply
    ("Het kabinet faalt in de woningbouw.", "nl", {}, "AMBIG-OPENING-PRONOUN"),
    ("Burgemeester Jansen sprak met bewoners. Hij zegde steun toe.", "nl", {}, "AMBIG-PRONOUN-REFERENT"),
    ("Burgemeester Jansen belde met minister De Graaf en zei dat hij steun wilde.", "nl", {}, "AMBIG-PRONOUN-REFERENT"),
    ("The minister met residents before he resigned.", "en", {}, "AMBIG-PRONOUN-REFERENT"),
    ("De minister en de burgemeester zeiden dat zij het plan steunen.", "nl", {}, "AMBIG-PRONOUN-REFERENT"),
    ("@USER the reason you have not heard from Dr Ford is that she is busy.", "en", {}, "AMBIG-PRONOUN-REFERENT"),
    ("Been a fan for years, LOVE Willie Nelson because he is real.", "en", {}, "AMBIG-PRONOUN-REFERENT"),
    ("It was great to meet so many residents.", "en", {}, "AMBIG-OPENING-PRONOUN"),      # dummy subject
    ("Mag de hond mee? Ja hoor, aangelijnd.", "nl", {}, "AMBIG-SARCASM"),                 # answers a question
    ("Great job by our volunteers! 👏", "en", {}, "AMBIG-SARCASM"),
    ("Goed bezig, team! 🙂", "nl", {}, "AMBIG-SARCASM"),
    ("Great job today! Now the trains are late again 🙄", "en", {}, "AMBIG-SARCASM"),      # emoji in the next sentence
    ("Ja hoor, dat mag!", "nl", {}, "AMBIG-SARCASM"),                                     # a sincere yes
    ("Ja hoor, u kunt zich nog tot vrijdag opgeven.", "nl", {}, "AMBIG-SARCASM"),
    ("Oh great, the new pool opens on Saturday!", "en", {}, "AMBIG-SARCASM"),
    ("The programme is called 'Warm Spaces'.", "en", {}, "AMBIG-SARCASM"),                # a name, two words
    ("Lees het rapport 'Wonen'.", "nl", {}, "AMBIG-SARCASM"),                             # capitalised title
    ("Waarom bouwen we hier? Omdat hier de vraag is.", "nl", {}, "AMBIG-LEADING-QUESTION"),
    ("Why don't you tell us what you think?", "en", {}, "AMBIG-LEADING-QUESTION"),
    ("We disagree with the minister's plan.", "en", {}, "AMBIG-LEADING-QUESTION"),
    ("Is het toeval dat het regent. Nee.", "nl", {}, "AMBIG-LEADING-QUESTION"),           # no question mark
    ("Why is the council refusing some permits? Because they break the plan.", "en", {}, "AMBIG-LEADING-QUESTION"),
    ("Maar we geven niet op.", "nl", {}, "AMBIG-MID-SENTENCE"),                           # capitalised: a style choice
    ("'s Avonds is het stadhuis dicht.", "nl", {}, "AMBIG-MID-SENTENCE"),
    ("De GGD en het RIVM adviseren een prik.", "nl", {}, "AMBIG-ABBREVIATION"),           # widely known
    ("De raadsinformatiebrief (RIB) staat online. De RIB gaat over afval.", "nl", {}, "AMBIG-ABBREVIATION"),
    ("Dit is NIET de bedoeling.", "nl", {}, "AMBIG-ABBREVIATION"),                        # emphasis, not an abbreviation
    ("We are in chapter XIV of the report.", "en", {}, "AMBIG-ABBREVIATION"),             # roman numeral
    ("LET OP: de milieustraat is zaterdag dicht.", "nl", {}, "AMBIG-ABBREVIATION"),       # a shouted phrase
    ("Doneer op NL02 RABO 0123 4567 89.", "nl", {}, "AMBIG-ABBREVIATION"),               # parts of an IBAN
    ("Give to GB33 BUKB 2020 1555 5555 55 today.", "en", {}, "AMBIG-ABBREVIATION"),
    ("Postbus 50, 8000 GA Zwolle.", "nl", {}, "AMBIG-ABBREVIATION"),                      # postcode letters
    ("Bins in LS7 3 and at Mill Lane, Leeds LS7 4XY, go out on Friday.", "en", {}, "AMBIG-ABBREVIATION"),
    ("Found: National Insurance number AB 12 34 56 C.", "en", {}, "AMBIG-ABBREVIATION"),
    ("Zie uitspraak ECLI:NL:RBDHA:2023:987.", "nl", {}, "AMBIG-ABBREVIATION"),
    ("Het tekort is 3,5 miljoen euro.", "nl", {}, "AMBIG-NUMBER-NO-UNIT"),
    ("Stem op lijst 4.", "nl", {}, "AMBIG-NUMBER-NO-UNIT"),
    ("Costs rose by 12 percent.", "en", {}, "AMBIG-NUMBER-NO-UNIT"),
]

SHARP_CRITICISM = [
    ("Het kabinet faalt in de woningbouw.", "nl"),
    ("We disagree with the minister's plan.", "en"),
    ("Dit plan van de minister lost de wachtlijsten niet op.", "nl"),
    ("The government's housing policy has failed renters for a decade.", "en"),
    ("Wij stemmen tegen deze begroting: ze is oneerlijk voor huurders.", "nl"),
]


def _ambig(report):
    return [f for f in report.findings if f.category.value == "ambiguity"]


@pytest.mark.parametrize("text,lang,fields,rule_id,excerpt,severity", FIRES)
def test_fires(pipeline, text, lang, fields, rule_id, excerpt, severity):
    report = pipeline.check(text, lang=lang, **fields)
    assert_spans(report, text)
    got = [f for f in report.findings if f.rule_id == rule_id]
    assert [f.span.excerpt for f in got] == [excerpt]
    assert got[0].severity.value == severity
    assert got[0].details["misreading"] and text not in got[0].message


@pytest.mark.parametrize("text,lang,fields,rule_id", QUIET)
def test_near_misses_stay_quiet(pipeline, text, lang, fields, rule_id):
    report = pipeline.check(text, lang=lang, **fields)
    assert not [f.span.excerpt for f in report.findings if f.rule_id == rule_id]


@pytest.mark.parametrize("text,lang", SHARP_CRITICISM)
def test_sharp_criticism_has_no_medium_ambiguity(pipeline, text, lang):
    assert not [f.rule_id for f in _ambig(pipeline.check(text, lang=lang)) if f.severity >= Severity.MEDIUM]


def test_scheduled_relative_date_gets_the_real_date(pipeline):
    report = pipeline.check("Kom morgen naar de markt en overmorgen naar de raad.", lang="nl", **SCHEDULED)
    swaps = {f.span.excerpt: f.replacement for f in report.findings if f.rule_id == "AMBIG-RELATIVE-DATE"}
    assert swaps == {"morgen": "dinsdag 10 maart", "overmorgen": "woensdag 11 maart"}
    en = pipeline.check("Join us tomorrow.", lang="en", **SCHEDULED)
    assert [f.replacement for f in en.findings if f.rule_id == "AMBIG-RELATIVE-DATE"] == ["Tuesday 10 March"]


def test_unscheduled_relative_date_has_no_replacement(pipeline):
    report = pipeline.check("Kom morgen naar de markt.", lang="nl")
    assert [f.replacement for f in report.findings if f.rule_id == "AMBIG-RELATIVE-DATE"] == [None]


def test_pronoun_referent_points_at_both_people(pipeline):
    text = "Wethouder De Vries sprak met minister Jansen. Hij beloofde geld."
    (f,) = [f for f in pipeline.check(text, lang="nl").findings if f.rule_id == "AMBIG-PRONOUN-REFERENT"]
    assert [r.excerpt for r in f.related] == ["Wethouder De Vries", "minister Jansen"]


def test_stacked_negation_is_medium(pipeline):
    text = "Het is niet zo dat niemand niet onredelijk is."
    got = [f for f in pipeline.check(text, lang="nl").findings if f.rule_id == "AMBIG-DOUBLE-NEGATION"]
    assert got and all(f.severity is Severity.MEDIUM for f in got)


def test_sarcasm_spans_for_other_checkers(pipeline):
    text = "Ja hoor, weer een 'oplossing' van het kabinet 🙄"
    analysis = analyse(Post(text=text), pipeline.nlp_for, "nl", "nl")
    spans = sarcasm_spans(analysis)
    assert [text[s:e] for s, e in spans] == ["Ja hoor", "'oplossing'"]
    plain = analyse(Post(text="Het kabinet faalt in de woningbouw."), pipeline.nlp_for, "nl", "nl")
    assert sarcasm_spans(plain) == []


def test_shouting_post_is_not_a_list_of_abbreviations(pipeline):
    text = "STOP DE BEZUINIGING OP HET OV NU!"
    assert not [f for f in pipeline.check(text, lang="nl").findings if f.rule_id == "AMBIG-ABBREVIATION"]


def _rule(**params):
    return Rule.model_validate({
        "id": "AMBIG-TEST", "checker": "ambiguity", "category": "ambiguity", "severity": "low",
        "params": params, "what": "w", "why": "w", "message": "m",
        "examples": {"trigger": ["a"], "clean": ["b"]},
    })


@pytest.mark.parametrize("params,needle", [
    ({}, "params.mechanism"),
    ({"mechanism": "telepathy", "misreading": "x"}, "params.mechanism"),
    ({"mechanism": "lexicon"}, "misreading"),
    ({"mechanism": "negation", "misreading": "x"}, "negators"),
    ({"mechanism": "relative_date", "misreading": "x", "scheduled_severity": "loud"}, "scheduled_severity"),
    ({"mechanism": "lexicon", "misreading": "x", "typo": 1}, "typo"),
])
def test_validate_rule_refuses_bad_params(params, needle):
    with pytest.raises(ValueError, match=needle):
        AmbiguityChecker.validate_rule(_rule(**params))
