"""The privacy checker: personal data per recognizer (true cases and look-alikes), sensitive facts, redaction."""

from __future__ import annotations

import pytest

from conftest import assert_spans
from socialrisk import Pipeline
from socialrisk.config import Config
from socialrisk.models import Severity

ALL = {"min_severity": "info"}


def _findings(pipeline, text, lang=None, policy=None, rule=None):
    report = pipeline.check(text, lang=lang, policy={**ALL, **(policy or {})})
    assert_spans(report, text)
    return report, [f for f in report.findings if f.checker == "privacy" and (rule is None or f.rule_id == rule)]


# (text, lang, rule id, excerpt, severity)
HITS = [
    ("Mijn buurman (BSN 111222333) wacht al weken.", "nl", "PRIV-BSN", "111222333", "blocker"),
    ("Nummer 1112.22.333 staat op zijn brief.", "nl", "PRIV-BSN", "1112.22.333", "high"),
    ("Stort het op NL91 ABNA 0417 1643 00 graag.", "nl", "PRIV-IBAN", "NL91 ABNA 0417 1643 00", "blocker"),
    ("Pay to GB82WEST12345698765432 today.", "en", "PRIV-IBAN", "GB82WEST12345698765432", "blocker"),
    ("Kaart 4111 1111 1111 1111 werd belast.", "nl", "PRIV-CARD", "4111 1111 1111 1111", "blocker"),
    ("Bel hem op 06-12345678.", "nl", "PRIV-PHONE", "06-12345678", "high"),
    ("Bel hem op 06 1234 5678.", "nl", "PRIV-PHONE", "06 1234 5678", "high"),
    ("Bel hem op 0612345678.", "nl", "PRIV-PHONE", "0612345678", "high"),
    ("Bel hem op +31 6 12345678.", "nl", "PRIV-PHONE", "+31 6 12345678", "high"),
    ("Bel hem op 0031 6 1234 5678.", "nl", "PRIV-PHONE", "0031 6 1234 5678", "high"),
    ("Bel haar op 020-1234567.", "nl", "PRIV-PHONE", "020-1234567", "high"),
    ("Bel haar op (020) 123 45 67.", "nl", "PRIV-PHONE", "(020) 123 45 67", "high"),
    ("Bel haar op +31 (0)20 123 4567.", "nl", "PRIV-PHONE", "+31 (0)20 123 4567", "high"),
    ("Bel 06\u200b1234\u200b5678 maar.", "nl", "PRIV-PHONE", "06\u200b1234\u200b5678", "high"),
    ("Bel 0 6 1 2 3 4 5 6 7 8 nu.", "nl", "PRIV-PHONE", "0 6 1 2 3 4 5 6 7 8", "high"),
    ("Bel me: nul zes, een twee drie vier vijf zes zeven acht.", "nl", "PRIV-PHONE",
     "nul zes, een twee drie vier vijf zes zeven acht", "high"),
    ("Text zero six one two three four five six seven eight now.", "en", "PRIV-PHONE",
     "zero six one two three four five six seven eight", "high"),
    ("Call her on +44 20 7946 0958 tonight.", "en", "PRIV-PHONE", "+44 20 7946 0958", "high"),
    ("Call him at (212) 555-1234 now.", "en", "PRIV-PHONE", "(212) 555-1234", "high"),
    ("Gratis bellen: 0800-1234.", "nl", "PRIV-PHONE", "0800-1234", "low"),
    ("Mail j.devries1978@gmail.com maar.", "nl", "PRIV-EMAIL", "j.devries1978@gmail.com", "high"),
    ("Mail jan [at] voorbeeld [punt] nl maar.", "nl", "PRIV-EMAIL", "jan [at] voorbeeld [punt] nl", "high"),
    ("Mail jan (at) example (dot) com now.", "en", "PRIV-EMAIL", "jan (at) example (dot) com", "high"),
    ("Jan woont op de Dorpsstraat 12 in Epe.", "nl", "PRIV-ADDRESS", "Dorpsstraat 12", "high"),
    ("She lives at 221 Baker Street now.", "en", "PRIV-ADDRESS", "221 Baker Street", "high"),
    ("Debat in het Stadhuis, Coolsingel 40, 3011 AD Rotterdam.", "nl", "PRIV-ADDRESS", "Coolsingel 40, 3011 AD Rotterdam", "low"),
    ("Ans (geboren op 12-03-1985) woont hier.", "nl", "PRIV-DOB", "12-03-1985", "high"),
    ("Tom, born on 3 March 1985, lives here.", "en", "PRIV-DOB", "3 March 1985", "high"),
    ("De auto met kenteken 12-ABC-3 staat er weer.", "nl", "PRIV-PLATE", "12-ABC-3", "medium"),
    ("Alles kwam van ip-adres 84.241.17.203 vandaan.", "nl", "PRIV-IP", "84.241.17.203", "medium"),
    ("Zijn paspoortnummer is NX8F3K2L4 echt.", "nl", "PRIV-ID-DOC", "NX8F3K2L4", "high"),
    ("My NI number is AB 12 34 56 C, can someone help?", "en", "PRIV-NATIONAL-ID", "AB 12 34 56 C", "blocker"),
    ("Pay John Smith, sort code 20-00-00, account 12345678, by Friday.", "en", "PRIV-IBAN",
     "20-00-00, account 12345678", "blocker"),
    ("Concept: https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUv/edit", "nl", "PRIV-SECRET-LINK",
     "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUv/edit", "high"),
    ("Key: AKIAIOSFODNN7EXAMPLE in the config.", "en", "PRIV-SECRET-TOKEN", "AKIAIOSFODNN7EXAMPLE", "blocker"),
    ("Log in met wachtwoord: Welkom2024!", "nl", "PRIV-SECRET-TOKEN", "Welkom2024!", "blocker"),
    ("Password for the shared drive is Summer2024!", "en", "PRIV-SECRET-TOKEN", "Summer2024!", "blocker"),
    ("Het wachtwoord van de gedeelde map is Zomer2024.", "nl", "PRIV-SECRET-TOKEN", "Zomer2024", "blocker"),
    ("Gisteren sprak ik mevrouw De Vries.", "nl", "PRIV-PERSON", "De Vries", "low"),
    ("Gisteren sprak ik met J.P. Jansen.", "nl", "PRIV-PERSON", "J.P. Jansen", "low"),
    ("Yesterday Mrs Hughes called us.", "en", "PRIV-PERSON", "Hughes", "low"),
    ("Vandaag sprak minister Hugo de Jonge in de Kamer.", "nl", "PRIV-PERSON", "Hugo de Jonge", "info"),
    ("Onze buurvrouw Fatima el Amrani heeft kanker.", "nl", "PRIV-SPECIAL-CATEGORY", "kanker", "blocker"),
    ("My neighbour Margaret Hughes is gay, everyone knows.", "en", "PRIV-SPECIAL-CATEGORY", "gay", "blocker"),
    ("Mensen met kanker verdienen betere zorg.", "nl", "PRIV-SPECIAL-CATEGORY", "kanker", "low"),
    ("Anneke heeft diabetes, zegt ze.", "nl", "PRIV-SPECIAL-CATEGORY", "diabetes", "high"),
    ("Jan de Vries woont op de Dorpsstraat 12. Hij heeft kanker.", "nl", "PRIV-SPECIAL-CATEGORY", "kanker", "blocker"),
    ("Die Jan de Vries is veroordeeld voor fraude.", "nl", "PRIV-CRIMINAL-RECORD", "veroordeeld", "blocker"),
    ("Pieter de Boer reed vorige week een fietser aan. Hij zit nu vast.", "nl", "PRIV-CRIMINAL-RECORD", "zit nu vast", "blocker"),
    ("Onze dochter Emma (7) zit op de basisschool.", "nl", "PRIV-MINOR", "dochter", "blocker"),
    ("Een leerling van 9 op groep 6 werd gepest.", "nl", "PRIV-MINOR", "leerling", "low"),
    ("@jan_1985 is homo, zeg het voort.", "nl", "PRIV-SPECIAL-CATEGORY", "homo", "high"),
    ("@PatrickX @rivm Voor aids is nooit een vaccin gevonden.", "nl", "PRIV-SPECIAL-CATEGORY", "aids", "low"),
    ("Strikt vertrouwelijk: de wethouder stapt op.", "nl", "PRIV-CONFIDENTIAL", "Strikt vertrouwelijk", "high"),
    ("Off the record: the mayor will resign.", "en", "PRIV-CONFIDENTIAL", "Off the record", "high"),
    ("Vanavond debat met [naam invullen] over wonen.", "nl", "PRIV-DRAFT-NOTE", "[naam invullen]", "high"),
    ("TODO check: rents rose this year.", "en", "PRIV-DRAFT-NOTE", "TODO", "high"),
]


@pytest.mark.parametrize("text,lang,rule,excerpt,severity", HITS)
def test_hits(pipeline, text, lang, rule, excerpt, severity):
    _, found = _findings(pipeline, text, lang, rule=rule)
    assert [(f.span.excerpt, f.severity.value) for f in found] == [(excerpt, severity)]


# Ordinary posts and look-alikes: nothing at medium or above from the privacy checker.
NEAR_MISSES = [
    ("Het kabinet faalt in de woningbouw.", "nl"),
    ("We disagree with the minister's plan.", "en"),
    ("Op 12-03-2024 om 20.00 uur debat in zaal 3, Utrecht.", "nl"),
    ("In 2024 steeg de huur met 5,8% tot €1.234,56 per maand.", "nl"),
    ("Turnout rose 12.5% in 2023 to 1,234,567 voters.", "en"),
    ("Factuur 123456789 is betaald.", "nl"),  # fails the 11-test
    ("Stort het op NL91 ABNA 0417 1643 01 graag.", "nl"),  # bad mod-97
    ("Kaart 4111 1111 1111 1112 werd belast.", "nl"),  # bad Luhn
    ("Tussen 01-02-2024 10:00 en 12:00 is het loket dicht.", "nl"),
    ("Mail info@onzepartij.nl voor vragen.", "nl"),
    ("Versie 1.2.3.4 van de app is uit.", "nl"),
    ("De COVID-19 maatregelen zijn voorbij.", "nl"),
    ("Your password must be at least 8 characters.", "en"),
    ("Room AB 12 34 56 C is booked.", "en"),  # NINO-shaped, no context word
    ("Het wachtwoord is 12 tekens lang.", "nl"),
    ("Minister Hugo de Jonge sprak over kanker in de Tweede Kamer.", "nl"),
    ("Mark Rutte en Jesse Klaver (GL) debatteerden over de begroting van 2025.", "nl"),
    ("Elk kind verdient een goede school.", "nl"),
    ("Every child deserves a good school, aged 4 to 12.", "en"),
    ("Uw gegevens worden vertrouwelijk behandeld.", "nl"),
    ("Stem op 17 maart op lijst 3!", "nl"),
    ("Een twee drie, zes zeven acht: tel mee en stem!", "nl"),
    ("Lees het programma op https://www.onzepartij.nl/programma?id=12345678901", "nl"),
    ("Join the 2024-2025 budget debate, 19:30-21:00, room 1.23.", "en"),
]


@pytest.mark.parametrize("text,lang", NEAR_MISSES)
def test_near_misses_stay_below_medium(pipeline, text, lang):
    _, found = _findings(pipeline, text, lang)
    assert [f.rule_id for f in found if f.severity >= Severity.MEDIUM] == []


def test_allow_list_reports_info_not_leak(pipeline):
    text = "Vragen? Mail woordvoerder.jansen@onzepartij.nl of bel 06-12345678."
    policy = {"allow": {"emails": ["@onzepartij.nl"], "phones": ["+31 6 1234 5678"]}}
    report, found = _findings(pipeline, text, "nl", policy)
    assert {(f.rule_id, f.severity) for f in found} == {("PRIV-EMAIL", Severity.INFO), ("PRIV-PHONE", Severity.INFO)}
    assert report.decision.value == "go"
    assert report.redacted is None


def test_allow_listed_name_is_not_a_private_person(pipeline):
    # allow-listed: agreed to be named, not to have an illness published: reviewed as a public figure's, not blocked
    text = "Onze buurvrouw Fatima el Amrani heeft kanker."
    report, found = _findings(pipeline, text, "nl", {"allow": {"names": ["Fatima el Amrani"]}})
    sev = {f.rule_id: f.severity for f in found}
    assert sev["PRIV-PERSON"] is Severity.INFO
    assert sev["PRIV-SPECIAL-CATEGORY"] is Severity.HIGH
    assert report.decision.value == "review"


def test_blocker_makes_no_go_and_points_at_the_person(pipeline):
    text = "Onze buurvrouw Fatima el Amrani heeft kanker."
    report, found = _findings(pipeline, text, "nl", rule="PRIV-SPECIAL-CATEGORY")
    assert report.decision.value == "no_go"
    assert [r.excerpt for r in found[0].related] == ["Fatima el Amrani"]
    assert text not in found[0].message


def test_redacted_post_and_replacements(pipeline):
    text = "Bel Jan de Vries op 06-12345678 of mail j.devries1978@gmail.com."
    report, found = _findings(pipeline, text, "nl")
    assert report.redacted == "Bel <PERSON> op <PHONE_NUMBER> of mail <EMAIL_ADDRESS>."
    assert {f.rule_id: f.replacement for f in found} == {
        "PRIV-PERSON": "<PERSON>", "PRIV-PHONE": "<PHONE_NUMBER>", "PRIV-EMAIL": "<EMAIL_ADDRESS>"}


@pytest.mark.parametrize("operator,check", [
    ("mask", lambda red: red == "Bel op ***********."),
    ("hash", lambda red: red.startswith("Bel op ") and len(red) == len("Bel op .") + 64),
])
def test_redaction_operators(operator, check):
    pipe = Pipeline(Config(checkers={"privacy": {"operator": operator}}), checkers=["privacy"])
    report = pipe.check("Bel op 06-12345678.", lang="nl")
    assert check(report.redacted)
    assert pipe.check("Bel op 06-12345678.", lang="nl").redacted == report.redacted  # deterministic


def test_no_socket_is_opened(pipeline):
    # pytest-socket is active: any network attempt (tldextract's suffix list download) would raise.
    report = pipeline.check("Mail naar a.b.c@sub.example.co.uk of jan [at] voorbeeld [punt] nl", lang="nl")
    assert sum(f.rule_id == "PRIV-EMAIL" for f in report.findings) == 2


def test_import_does_not_load_presidio():
    import subprocess
    import sys

    code = "import sys, socialrisk; sys.exit('presidio_analyzer' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_no_post_text_in_logs(pipeline, caplog):
    text = "Bel Jan de Vries op 06-12345678, zijn bsn is 111222333."
    with caplog.at_level("DEBUG"):
        pipeline.check(text, lang="nl")
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "06-12345678" not in logged and "Vries" not in logged and "bsn" not in logged


def test_trained_ner_adds_person_names(tmp_path):
    import spacy

    # A pipeline the test builds itself: an entity ruler standing in for a trained NER model.
    nlp = spacy.blank("nl")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PER", "pattern": "Zwaantje Kwakkelstein"}])
    nlp.to_disk(tmp_path / "ner")
    pipe = Pipeline(Config(spacy_models={"nl": str(tmp_path / "ner")}), checkers=["privacy"])
    text = "Zwaantje Kwakkelstein heeft kanker."
    report = pipe.check(text, lang="nl")
    assert_spans(report, text)
    person = [f for f in report.findings if f.rule_id == "PRIV-PERSON"]
    assert [(f.span.excerpt, f.details["pattern"]) for f in person] == [("Zwaantje Kwakkelstein", "spacy-ner")]
    assert report.decision.value == "no_go"
    assert Pipeline(Config(), checkers=["privacy"]).check(text, lang="nl").decision.value != "no_go"


# The large generated first-name list counts only before a capitalised surname-like word.
CENSUS_NAMES = [
    ("Yesterday Gwendolyn Harper told us about her street.", "Gwendolyn Harper"),
    ("We spoke with Rodrigo Vance about the rent.", "Rodrigo Vance"),
    ("Winifred J Okafor chaired the residents' meeting.", "Winifred J Okafor"),
    ("The short film was directed by Bryony Keswick last year.", "Bryony Keswick"),  # a cue, unknown names
]
CENSUS_CLEAN = [
    "Summer School Funding Announced For Every Town",  # Summer: left out of the list (not_first_names)
    "Grant Funding Is Coming To Our Schools",  # Grant: also an ordinary verb, dropped when generated
    "Gwendolyn spoke at the meeting.",  # a large-list name alone is no name
    "Send it to Rodrigo Street or the Winifred Centre.",
    "Growth slowed, according to Statistics Netherlands.",
    "Het kabinet faalt, zegt Tweede Kamer.",
]


@pytest.mark.parametrize("text,excerpt", CENSUS_NAMES)
def test_large_first_name_list_before_surname(pipeline, text, excerpt):
    _, found = _findings(pipeline, text, "en", rule="PRIV-PERSON")
    assert [(f.span.excerpt, f.severity.value) for f in found] == [(excerpt, "low")]


@pytest.mark.parametrize("text", CENSUS_CLEAN)
def test_large_first_name_list_needs_a_surname(pipeline, text):
    _, found = _findings(pipeline, text, "en", rule="PRIV-PERSON")
    assert [f.span.excerpt for f in found] == []


# Street addresses in foreign and postal forms (own examples): (text, excerpt)
ADDRESS_FORMS = [
    ("Send it to 12 Rue des Lilas, Lyon.", "12 Rue des Lilas"),
    ("She lives at 41 Storgatan 7, Umea.", "41 Storgatan 7"),
    ("He moved to Via Garibaldi 18 last year.", "Via Garibaldi 18"),
    ("Mail it to PSC 1234, Box 5678\nAPO AE 09876", "PSC 1234, Box 5678\nAPO AE 09876"),
    ("Write to P.O. Box 4410 for the forms.", "P.O. Box 4410"),
    ("Meet at the corner of Elm Rd and Birch Lane tonight.", "Elm Rd and Birch Lane"),
    ("The stop is at 812 Alder Grove Rd. today.", "812 Alder Grove Rd."),
]
ADDRESS_CLEAN = [
    "In 2024 Rotterdam 12 keer genoemd.",
    "Germany 50000 refugees arrived in 2015.",
    "Bel de Politie als je iets ziet.",
    "Coalitie 3 jaar oud, Politie 24 uur per dag.",
]


@pytest.mark.parametrize("text,excerpt", ADDRESS_FORMS)
def test_address_forms(pipeline, text, excerpt):
    _, found = _findings(pipeline, text, "en", rule="PRIV-ADDRESS")
    assert [f.span.excerpt for f in found] == [excerpt]


# "Mevrouw Jansen van de Lindenlaan 4": the honorific's name is the person, not the start of a street name,
# so the address is found next to a private person and, joined by nothing but "van de", it is her home (a
# blocker); a health fact about her blocks too. An initial or a first name before the surname: the same.
NAME_THEN_STREET = [
    ("Mevrouw Jansen van de Lindenlaan 4 heeft ons gebeld.", "Jansen", "Lindenlaan 4"),
    ("Dhr. De Vries van de Kerkstraat 12 belde.", "De Vries", "Kerkstraat 12"),
    ("Meneer Van der Berg van de Dorpsstraat 3 klaagt.", "Van der Berg", "Dorpsstraat 3"),
    ("Mevrouw J. Smit van de Kerkweg 8 heeft ons gebeld.", "J. Smit", "Kerkweg 8"),
    ("Jan Smit van de Kerkweg 8 heeft ons gebeld.", "Jan Smit", "Kerkweg 8"),
]


@pytest.mark.parametrize("text,person,street", NAME_THEN_STREET)
def test_a_named_resident_is_not_part_of_the_street(pipeline, text, person, street):
    _, found = _findings(pipeline, text, "nl")
    assert {(f.rule_id, f.span.excerpt) for f in found} >= {("PRIV-PERSON", person), ("PRIV-ADDRESS", street)}
    assert next(f for f in found if f.rule_id == "PRIV-ADDRESS").severity == Severity.BLOCKER


def test_multi_word_street_names_still_match(pipeline):
    for text, street in [("Ze woont aan de Johan van Oldenbarneveltlaan 12.", "Johan van Oldenbarneveltlaan 12"),
                         ("Het loket zit aan de Burgemeester Jansenlaan 4.", "Burgemeester Jansenlaan 4")]:
        _, found = _findings(pipeline, text, "nl", rule="PRIV-ADDRESS")
        assert [f.span.excerpt for f in found] == [street]


def test_a_role_taken_into_the_name_still_marks_a_public_figure(pipeline):
    for text, severity in [("Councillor Davies will hold a surgery on Saturday.", Severity.INFO),
                           ("Cllr Hughes will hold a surgery on Saturday.", Severity.INFO),
                           ("Margaret Davies will hold a surgery on Saturday.", Severity.LOW)]:
        _, found = _findings(pipeline, text, "en", rule="PRIV-PERSON")
        assert [f.severity for f in found] == [severity], text


def test_a_greeting_is_not_part_of_the_name(pipeline):
    _, found = _findings(pipeline, "Beterschap Henk! Sterkte Marieke. Congrats Amy Watson.", "nl", rule="PRIV-PERSON")
    assert sorted(f.span.excerpt for f in found) == ["Amy Watson", "Henk", "Marieke"]


def test_health_fact_about_a_named_resident_with_address_blocks(pipeline):
    report, found = _findings(pipeline, "Mevrouw Jansen van de Lindenlaan 4 heeft ons gebeld over haar depressie.", "nl")
    assert report.decision.value == "no_go"
    assert any(f.rule_id == "PRIV-SPECIAL-CATEGORY" and f.severity == Severity.BLOCKER for f in found)


@pytest.mark.parametrize("text", ADDRESS_CLEAN)
def test_address_look_alikes(pipeline, text):
    _, found = _findings(pipeline, text, None, rule="PRIV-ADDRESS")
    assert [f.span.excerpt for f in found] == []


# Phone spellings: a label after the number, fax/desk labels, French dotted pairs, spaced hyphens.
PHONE_FORMS = [
    ("Call me on 02.47.83.91.55 please.", "en", "02.47.83.91.55"),
    ("Reach us on 071 338 4410-Office.", "en", "071 338 4410"),
    ("Fax: 7185550143", "en", "7185550143"),
    ("Bel 030 - 2345 678 voor info.", "nl", "030 - 2345 678"),
    ("Call 0664 123 45 67 now.", "en", "0664 123 45 67"),
]
PHONE_CLEAN = [
    ("Over 1 200 000 mobile users in 2024.", "en"),
    ("In 2023 and 2024 office rents rose.", "en"),
    ("Op 12.03.2024 om 20.00 uur debat.", "nl"),
]


@pytest.mark.parametrize("text,lang,excerpt", PHONE_FORMS)
def test_phone_forms(pipeline, text, lang, excerpt):
    _, found = _findings(pipeline, text, lang, rule="PRIV-PHONE")
    assert [(f.span.excerpt, f.severity.value) for f in found] == [(excerpt, "high")]


@pytest.mark.parametrize("text,lang", PHONE_CLEAN)
def test_phone_look_alikes(pipeline, text, lang):
    _, found = _findings(pipeline, text, lang, rule="PRIV-PHONE")
    assert found == []


@pytest.mark.parametrize("text,rule_id,excerpt,severity", [
    ("Sterkte @jantje1987, fijn dat je je depressie met ons deelde.", "PRIV-SPECIAL-CATEGORY", "depressie", "high"),
    ("@janedoe88 sorry to hear your son was in hospital.", "PRIV-MINOR", "son", "high"),
    # a handle that is only referred to, or a fact about the reader in general, stays low
    ("Heb je last van een depressie? Bel de huisarts. Info: @GGDnl", "PRIV-SPECIAL-CATEGORY", "depressie", "low"),
])
def test_a_reply_that_addresses_someone_is_about_them(pipeline, text, rule_id, excerpt, severity):
    got = [(f.span.excerpt, f.severity.value) for f in pipeline.check(text).findings if f.rule_id == rule_id]
    assert (excerpt, severity) in got, got


# Names on their own (own made-up examples; surnames from the generated census list): (text, lang, excerpt, severity)
LONE_NAMES = [
    ("Please contact Whitfield about the broken lamp.", "en", "Whitfield", "low"),  # weak cue + listed surname
    ("Dear Rosalind, thanks for your letter.", "en", "Rosalind", "low"),  # strong cue
    ("Kowalczyk lives at the end of our road.", "en", "Kowalczyk", "low"),  # cue after, sentence start
    ("Ik ben Rosalind en ik woon in Zwolle.", "nl", "Rosalind", "low"),
    ("my name is eustace pemberton and i need help", "en", "eustace pemberton", "low"),  # all lower case
    ("The minutes mention Harrington only once.", "en", "Harrington", "info"),  # listed, no cue: a note
    # international names of the Faker-derived list (_names_faker.yaml), in no census list
    ("The minutes mention Korhonen only once.", "en", "Korhonen", "info"),
    ("Please contact Grzegorz about the broken lamp.", "en", "Grzegorz", "low"),
    ("Gisteren sprak ik met Solveig over de bibliotheek.", "nl", "Solveig", "low"),
    ("Whitfield, could you send the minutes?", "en", "Whitfield", "info"),  # addressed at a sentence start
]
LONE_CLEAN = [
    ("Israel and Jordan signed a new deal today.", "en"),  # places are never names (not_names)
    ("Christian values matter to our party.", "en"),
    ("Mark the date: 12 May, town hall.", "en"),  # ambiguous first name, ordinary verb
    ("Het kabinet faalt in de woningbouw, zegt de oppositie in Den Haag.", "nl"),
    ("Harrington is a lovely town to visit.", "en"),  # a listed word at a sentence start needs a cue
    ("The Garmont Orchestra plays tonight.", "en"),  # part of an organisation's name
]


# Names side by side in a list, and names in an all-lower-case post: (text, lang, excerpts)
LISTED_TOGETHER = [
    ("The prize went to Kowalczyk, Korhonen and Whitfield last year.", "en", ["Kowalczyk", "Korhonen", "Whitfield"]),
    ("Het bestuur: Solveig, Grzegorz en Rosalind.", "nl", ["Solveig", "Grzegorz", "Rosalind"]),
    ("follow up with rosalind whitfield next week", "en", ["rosalind whitfield"]),
    ("we visited mr. pemberton yesterday", "en", ["pemberton"]),
    ("they invited solveig, grzegorz, rosalind and tom to dinner", "en", ["solveig", "grzegorz", "rosalind", "tom"]),
]
LISTED_TOGETHER_CLEAN = [
    ("Amsterdam, Rotterdam and Utrecht vote today.", "en"),  # places: stop words
    ("Labour and the Tories failed again.", "en"),
    ("we need bread, milk, eggs and cheese", "en"),
    ("Apples, Pears and Plums are in season.", "en"),  # no listed word
]


@pytest.mark.parametrize("text,lang,excerpts", LISTED_TOGETHER)
def test_names_listed_together_and_in_lower_case(pipeline, text, lang, excerpts):
    _, found = _findings(pipeline, text, lang, rule="PRIV-PERSON")
    assert sorted(f.span.excerpt for f in found) == sorted(excerpts)
    assert all(f.severity <= Severity.LOW for f in found)


@pytest.mark.parametrize("text,lang", LISTED_TOGETHER_CLEAN)
def test_lists_of_other_things_stay_quiet(pipeline, text, lang):
    _, found = _findings(pipeline, text, lang, rule="PRIV-PERSON")
    assert [f.span.excerpt for f in found] == []


def test_list_and_lower_case_names_never_raise_a_sensitive_fact(pipeline):
    # a name found only by a list or in a lower-case post scores below person_min_score
    for text in ("Kowalczyk, Korhonen and Whitfield were depressed.", "rosalind whitfield has cancer"):
        report = pipeline.check(text, lang="en", policy=ALL)
        assert all(f.severity <= Severity.LOW for f in report.findings if f.rule_id == "PRIV-SPECIAL-CATEGORY")


@pytest.mark.parametrize("text,lang,excerpt,severity", LONE_NAMES)
def test_lone_names(pipeline, text, lang, excerpt, severity):
    _, found = _findings(pipeline, text, lang, rule="PRIV-PERSON")
    assert [(f.span.excerpt, f.severity.value) for f in found] == [(excerpt, severity)]


@pytest.mark.parametrize("text,lang", LONE_CLEAN)
def test_lone_names_clean(pipeline, text, lang):
    _, found = _findings(pipeline, text, lang, rule="PRIV-PERSON")
    assert [f.span.excerpt for f in found] == []


@pytest.mark.parametrize("text", [
    "Jordan is jewish and proud of it.",  # a place, not a person
    "We spoke with Whitfield yesterday; he is jewish.",  # a lone listed name with a weak cue: too weak
    "Harrington was convicted of fraud in 2019.",  # a listed word at a sentence start, no cue
])
def test_weak_lone_name_does_not_escalate_a_sensitive_fact(pipeline, text):
    _, found = _findings(pipeline, text, "en")
    assert all(f.severity <= Severity.LOW for f in found), [(f.rule_id, f.severity) for f in found]


def test_lone_name_never_above_low(pipeline):
    text = "Dear Rosalind, contact Whitfield or Kowalczyk about Harrington."
    _, found = _findings(pipeline, text, "en", rule="PRIV-PERSON")
    assert found and all(f.severity <= Severity.LOW for f in found)


def test_prefilter_must_be_regexes():
    from socialrisk.checkers.privacy import PrivacyChecker
    from socialrisk.rules import load_rules

    rule = next(r for r in load_rules().rules if r.id == "PRIV-EMAIL")
    bad = rule.model_copy(update={"params": {**rule.params, "prefilter": {"personal": "(unclosed"}}})
    with pytest.raises(ValueError, match="prefilter"):
        PrivacyChecker.validate_rule(bad)


def test_faker_name_list_is_current():
    pytest.importorskip("faker")  # dev-time only: the generator reads Faker's person providers
    import subprocess
    import sys
    from pathlib import Path

    tool = Path(__file__).resolve().parents[2] / "tools" / "privacy_names_faker.py"
    assert subprocess.run([sys.executable, str(tool), "--check"], capture_output=True).returncode == 0


def test_surname_list_is_current():
    pytest.importorskip("names")  # dev-time only: the generator reads the census file it ships
    import subprocess
    import sys
    from pathlib import Path

    tool = Path(__file__).resolve().parents[2] / "tools" / "privacy_surnames.py"
    assert subprocess.run([sys.executable, str(tool), "--check"], capture_output=True).returncode == 0


# Defects found with the project's own corpus (benchmarks/privacy_corpus.py); separate made-up examples.
CORPUS_FIXES = [
    ("Stuur je reactie naar wim.olthof [at] provider [punt] nl graag.", "nl", "PRIV-EMAIL", "wim.olthof [at] provider [punt] nl", "high"),
    ("Mail kees at voorbeeld dot nl voor de flyers.", "nl", "PRIV-EMAIL", "kees at voorbeeld dot nl", "high"),
    ("Betaald met maestro 6761 2345 6789 0123 455 gisteren.", "nl", "PRIV-CARD", "6761 2345 6789 0123 455", "blocker"),
    ("His passport no. 471203958 was on the form.", "en", "PRIV-ID-DOC", "471203958", "high"),
    ("Wachtwoord gastennetwerk bibliotheek: Herfst2031# (niet delen)", "nl", "PRIV-SECRET-TOKEN", "Herfst2031#", "blocker"),
    ("Ze woont sinds kort op 7421 XR 58, vlak bij de school.", "nl", "PRIV-ADDRESS", "7421 XR 58", "high"),
]


@pytest.mark.parametrize("text,lang,rule,excerpt,severity", CORPUS_FIXES)
def test_corpus_defects_fixed(pipeline, text, lang, rule, excerpt, severity):
    test_hits(pipeline, text, lang, rule, excerpt, severity)  # _findings checks excerpt == text[start:end]


@pytest.mark.parametrize("text,lang", [
    ("Check your polling station at stemlokaal.example.nl before Thursday.", "en"),
    ("Read the full plan at onzeplannen.org.uk today.", "en"),
    ("Meet us at home.nl headquarters", "en"),
])
def test_plain_at_before_a_web_address_is_not_an_email(pipeline, text, lang):
    _, found = _findings(pipeline, text, lang, rule="PRIV-EMAIL")
    assert found == []


@pytest.mark.parametrize("text,lang", [
    ("Vragen? De Kinderlijn: 0800-0432 (gratis).", "nl"),
    ("Servicetelefoon: 0900 1234 567 (lokaal tarief).", "nl"),
    ("Report fly-tipping on 0808 157 0192 (free).", "en"),
])
def test_service_numbers_stay_low(pipeline, text, lang):
    _, found = _findings(pipeline, text, lang, rule="PRIV-PHONE")
    assert found and all(f.severity <= Severity.LOW for f in found)


def test_password_parameter_of_a_meeting_link_is_the_link(pipeline):
    text = "Vergadering: https://us05web.zoom.us/j/81726354901?pwd=Tq8ZkLmN3vXwPy7Rb2Cd tot dan"
    report, found = _findings(pipeline, text, "nl")
    assert [(f.rule_id, f.severity.value) for f in found] == [("PRIV-SECRET-LINK", "high")]


def test_councillor_abbreviation_is_a_public_role(pipeline):
    _, found = _findings(pipeline, "Cllr Fenwick-Oduya will open the new library on Saturday.", "en", rule="PRIV-PERSON")
    assert all(f.severity == Severity.INFO for f in found)


def test_demote_digits_must_be_a_regex():
    from socialrisk.checkers.privacy import PrivacyChecker
    from socialrisk.rules import load_rules

    rule = next(r for r in load_rules().rules if r.id == "PRIV-PHONE")
    bad = rule.model_copy(update={"params": {**rule.params, "demote_digits": "("}})
    with pytest.raises(ValueError, match="demote_digits"):
        PrivacyChecker.validate_rule(bad)


# Issue 3: a named child (age against the name, or a school/birthday in the sentence) without a child word.
NAMED_MINORS = [
    ("Proficiat aan de 8-jarige Lotte Vermeulen met haar tekening!", "nl", "8-jarige", "blocker"),
    ("Vraag van Daan Kuipers (13) uit de brugklas: waarom geen fietspad?", "nl", "(13)", "blocker"),
    ("Fenna (11 jaar) van basisschool De Vlinder won de quiz.", "nl", "(11 jaar)", "blocker"),
    ("Fenna (11) wil een skatebaan.", "nl", "(11)", "high"),
    ("Joost Verhagen uit groep 7 mocht de raad toespreken.", "nl", "groep 7", "high"),
    ("Well done to 9-year-old Isla Thornbury for her litter-picking!", "en", "9-year-old", "blocker"),
    ("Owen Pritchard, aged 12, from Meadowbank Primary asked the council for a crossing.", "en", "aged 12", "blocker"),
    ("Happy 10th birthday Freya Lindqvist, from all of us!", "en", "10th birthday", "high"),
]


@pytest.mark.parametrize("text,lang,excerpt,severity", NAMED_MINORS)
def test_named_child_with_age_or_school(pipeline, text, lang, excerpt, severity):
    _, found = _findings(pipeline, text, lang, rule="PRIV-MINOR")
    assert [(f.span.excerpt, f.severity.value) for f in found] == [(excerpt, severity)]
    assert found[0].related  # points at the name


@pytest.mark.parametrize("text,lang", [
    ("Kinderen in armoede verdienen een eerlijke kans; groep 8 verdient een goede overstap.", "nl"),
    ("Gerrit Zandstra (78) kreeg een lintje voor zijn vrijwilligerswerk.", "nl"),  # an adult's age
    ("Meester Joost Verhagen van groep 7 gaat met pensioen.", "nl"),  # an adult at the school
    ("Lijst 4: Joost Verhagen (2), Fenna Kuipers (3), Daan Mol (4).", "nl"),  # list positions
    ("Spreekuur met Joost Verhagen van 10 tot 12 uur.", "nl"),
    ("Wethouder Verhagen (12 jaar raadslid) opende basisschool De Vlinder.", "nl"),  # public figure
    ("Schools need funding: every pupil in Year 6 deserves a teacher.", "en"),
    ("Headteacher Isla Thornbury of Meadowbank Primary joined our campaign.", "en"),
    ("Ages 5 to 11: the new primary school opens in May.", "en"),
    # a school's name is not a child's
    ("Hillcrest Primary pupils planted a hedge along the canal.", "en"),
    ("Lovely morning at St Anne's Primary School with our councillors.", "en"),
    ("Oakfield Academy students ran the mock election.", "en"),
    ("Bezoek aan basisschool De Zonnewijzer, de leerlingen lieten hun moestuin zien.", "nl"),
])
def test_no_named_child(pipeline, text, lang):
    _, found = _findings(pipeline, text, lang, rule="PRIV-MINOR")
    assert all(f.severity <= Severity.LOW for f in found), [(f.span.excerpt, f.severity) for f in found]


# Issue 3: illnesses, linking phrases and party/union membership of a private person (AVG art. 9).
SPECIAL = [
    ("Buurvrouw Tineke Oldenhof kampt met een angststoornis.", "nl", "angststoornis"),
    ("Onze vrijwilliger Bram Hoekstra is opgenomen met een longontsteking.", "nl", "longontsteking"),
    ("Gert Bosma heeft last van reuma, maar helpt elke week.", "nl", "reuma"),
    ("Petra Dijkman, die ondanks haar hersenbloeding weer flyert.", "nl", "hersenbloeding"),
    ("Dirk Hofstede is lid van de vakbond.", "nl", "lid van de vakbond"),
    ("Mijn collega Sanne Bloem is GroenLinks-stemmer.", "nl", "GroenLinks-stemmer"),
    ("Ruth Ashdown suffers from multiple sclerosis.", "en", "multiple sclerosis"),
    ("Gavin Moorcroft is being treated for a brain tumour.", "en", "brain tumour"),
    ("Neighbour Elsie Marchbank is a member of the Green Party.", "en", "member of the Green Party"),
    ("Cyril Pengelly, a member since 1979, still delivers leaflets.", "en", "a member since 1979"),
    # the link's verb before the name (Dutch inversion), an age between name and link
    ("Vandaag overleed Gerrit Hendriks (82) aan longkanker.", "nl", "longkanker"),
    ("Gisteren stierf Marie Jansen, 77, aan een hartaanval.", "nl", "hartaanval"),
    ("Sinds maart kampt Jan Smit met een depressie.", "nl", "depressie"),
    # a pronoun opening the next sentence carries the one private person of the sentence before
    ("Gisteren overleed Gerrit Hendriks. Hij had kanker.", "nl", "kanker"),
    ("Margaret Hughes ran the food bank for ten years. She has cancer now.", "en", "cancer"),
]


@pytest.mark.parametrize("text,lang,excerpt", SPECIAL)
def test_special_category_about_a_private_person(pipeline, text, lang, excerpt):
    _, found = _findings(pipeline, text, lang, rule="PRIV-SPECIAL-CATEGORY")
    assert [(f.span.excerpt, f.severity.value) for f in found] == [(excerpt, "blocker")]


@pytest.mark.parametrize("text,lang", [
    ("De SP stemde tegen en GroenLinks onthield zich.", "nl"),
    ("Dirk Hofstede is lid van de gemeenteraad.", "nl"),
    ("Dirk Hofstede is lid van de SP-fractie.", "nl"),
    ("Ruth Ashdown had a stroke of genius with the new timetable.", "en"),
    ("Gavin Moorcroft is a member of the council's planning committee.", "en"),
    ("Labour voted against; the Greens abstained.", "en"),
    ("Minister Hugo de Jonge heeft longkanker-onderzoek bezocht.", "nl"),
    ("Bij een hartinfarct telt elke minuut: leer reanimeren!", "nl"),
    ("Jan de Vries werkte 30 jaar in het ziekenhuis.", "nl"),
    ("Vandaag sprak Jan Smit met ons over kanker en de zorg.", "nl"),
    ("Vandaag is Jan Smit aanwezig bij de lezing over diabetes.", "nl"),
    # the pronoun cannot tell which of two people, or it is not linked to the fact
    ("Marieke Hendriks en Kees Smit waren erbij. Zij heeft kanker.", "nl"),
    ("We met Margaret Hughes today. She said cancer care needs funding.", "en"),
    ("Minister Hugo de Jonge opende het ziekenhuis. Hij had corona.", "nl"),
])
def test_special_category_look_alikes(pipeline, text, lang):
    _, found = _findings(pipeline, text, lang, rule="PRIV-SPECIAL-CATEGORY")
    assert all(f.severity <= Severity.LOW for f in found), [(f.span.excerpt, f.severity) for f in found]


def test_weak_lone_name_does_not_escalate_new_facts(pipeline):
    # person_min_score still guards the new links and the possessive: a listed surname alone is too weak
    _, found = _findings(pipeline, "We spoke with Whitfield; despite his stroke he came.", "en")
    assert all(f.severity <= Severity.LOW for f in found)


@pytest.mark.parametrize("text,lang", [
    ("Rob Hartley MP visited Greenfield Primary School today to open the new playground.", "en"),
    ("Anna Brouwer, burgemeester van Deventer, bezocht vandaag basisschool De Wilg in groep 6.", "nl"),
    ("Kees Vermeer, wethouder onderwijs, opende het schoolplein van basisschool Het Anker.", "nl"),
])
def test_a_role_after_the_name_is_a_public_figure(pipeline, text, lang):
    report = pipeline.check(text, lang=lang, policy={"min_severity": "info"})
    people = [f for f in report.findings if f.rule_id == "PRIV-PERSON"]
    assert people and all(f.details["public"] for f in people)
    assert not [f for f in report.findings if f.checker == "privacy" and f.severity >= Severity.MEDIUM]


def test_a_role_after_the_name_needs_the_comma_or_a_post_nominal(pipeline):
    text = "Piet Verhoef, de buurman, heeft kanker."  # a neighbour is no public role
    report = pipeline.check(text, lang="nl")
    assert any(f.rule_id == "PRIV-SPECIAL-CATEGORY" and f.severity == Severity.BLOCKER for f in report.findings)


# Name + home address of a private person is the leak itself: a blocker, so the hook stops the post.
HOME_ADDRESSES = [
    ("Jan de Vries woont op de Dorpsstraat 12 in Apeldoorn, ga daar maar eens langs.", "nl", "Dorpsstraat 12"),
    ("Mevrouw Jansen woont op de Lindenlaan 4 in Utrecht.", "nl", "Lindenlaan 4"),
    ("Op de Dorpsstraat 12 woont Piet Bakker.", "nl", "Dorpsstraat 12"),
    ("Het adres van Jan de Vries is Dorpsstraat 12.", "nl", "Dorpsstraat 12"),
    ("Mijn buurman Femke ter Horst woont op Hoofdweg 232, 6019 TP Den Bosch.", "nl", "Hoofdweg 232, 6019 TP Den Bosch"),
    ("Sarah Miller lives at 221 Baker Street.", "en", "221 Baker Street"),
    ("Sarah Miller lives at 221 Baker St. in London.", "en", "221 Baker St."),
]
# Not said to be a private person's home, or the person is not identified: high, as before.
NOT_A_HOME = [
    ("Henk woont op de Dorpsstraat 12.", "nl"),  # a lone first name
    ("Wethouder Jansen woont op de Lindenlaan 4.", "nl"),  # a public figure
    ("De wijkagent, Jan de Vries, houdt spreekuur op de Dorpsstraat 12.", "nl"),  # no residence word, not set after the name
]


@pytest.mark.parametrize("text,lang,street", HOME_ADDRESSES)
def test_home_address_of_a_named_private_person_blocks(pipeline, text, lang, street):
    report, found = _findings(pipeline, text, lang, rule="PRIV-ADDRESS")
    assert [(f.span.excerpt, f.severity) for f in found] == [(street, Severity.BLOCKER)]
    assert found[0].message == "Home address of a private person in the post."
    assert found[0].details["home"] == "person" and found[0].related
    assert report.decision.value == "no_go"


# A home and a call to go there blocks whoever lives there (doxing a councillor is doxing too).
HOME_VISITS = [
    ("She lives at 221 Baker Street, so go and tell her.", "en", "221 Baker Street"),
    ("Our councillor Jane Smith lives at 14 Elm Road, pop round and tell her what you think!", "en", "14 Elm Road"),
    ("Wethouder Jansen woont op de Lindenlaan 4, ga daar maar eens langs.", "nl", "Lindenlaan 4"),
    ("Hij woont op de Kerkstraat 8. Je weet hem te vinden.", "nl", "Kerkstraat 8"),
]
# An invitation to a venue is not a home, whatever visit words it has.
VENUE_VISITS = [
    ("Kom zaterdag langs bij wethouder Jansen in het buurthuis aan de Parkweg 3.", "nl"),
    ("Pop round to our office at 14 Elm Road for a chat with councillor Jane Smith.", "en"),
]


@pytest.mark.parametrize("text,lang,street", HOME_VISITS)
def test_home_address_with_a_call_to_go_there_blocks(pipeline, text, lang, street):
    report, found = _findings(pipeline, text, lang, rule="PRIV-ADDRESS")
    assert [(f.span.excerpt, f.severity) for f in found] == [(street, Severity.BLOCKER)]
    assert found[0].details["home"] == "visit" and found[0].message == "Home address with a call to go there."
    assert report.decision.value == "no_go"


@pytest.mark.parametrize("text,lang", VENUE_VISITS)
def test_a_visit_to_a_venue_is_not_a_home(pipeline, text, lang):
    report, found = _findings(pipeline, text, lang, rule="PRIV-ADDRESS")
    assert [f.severity for f in found] == [Severity.LOW] and report.decision.value == "go"


@pytest.mark.parametrize("text,lang", NOT_A_HOME)
def test_an_address_that_is_not_said_to_be_a_private_home_stays_high(pipeline, text, lang):
    report, found = _findings(pipeline, text, lang, rule="PRIV-ADDRESS")
    assert [f.severity for f in found] == [Severity.HIGH]
    assert "home" not in found[0].details and report.decision.value == "review"


def test_street_span_ends_before_the_full_stop(pipeline):
    _, found = _findings(pipeline, "She moved to 179 Cromwell Terrace.", "en", rule="PRIV-ADDRESS")
    assert [f.span.excerpt for f in found] == ["179 Cromwell Terrace"]


@pytest.mark.parametrize("home,match", [
    ("blocker", "params.home must be a mapping"),
    ({"severity": "fatal", "words": {"nl": ["woont"]}}, "params.home.severity"),
    ({"severity": "blocker", "words": {"nl": "woont"}}, "params.home.words"),
    ({"severity": "blocker", "words": {"nl": ["woont"]}, "identifiable_score": 2}, "identifiable_score"),
    ({"severity": "blocker", "words": {"nl": ["woont"]}, "gap": 3}, "unknown keys: gap"),
    ({"severity": "blocker", "words": {"nl": ["woont"]}, "visit": ["ga langs"]}, "params.home.visit"),
])
def test_broken_home_params_are_named(home, match):
    from socialrisk.checkers.privacy import PrivacyChecker
    from socialrisk.rules import load_rules

    rule = next(r for r in load_rules().rules if r.id == "PRIV-ADDRESS")
    bad = rule.model_copy(update={"params": {**rule.params, "home": home}})
    with pytest.raises(ValueError, match=match):
        PrivacyChecker.validate_rule(bad)


# A department address of an organisation is not a person's: low. Name-shaped or webmail ones stay high.
EMAIL_ROLES = [
    ("Vragen over de aanslag? Mail naar woz@utrecht.nl.", "nl", "low"),
    ("Mail burgerzaken@gemeente-epe.nl voor een afspraak.", "nl", "low"),
    ("Email housing@leeds.gov.uk for help.", "en", "low"),
    ("Mail wijkteam-noord@gemeente.nl voor hulp.", "nl", "low"),
    ("Mail jan@voorbeeld.nl maar.", "nl", "high"),  # a first name
    ("Mail jdevries@voorbeeld.nl maar.", "nl", "high"),  # an initial and a surname
    ("Mail EmilHenriksson@rhyta.com now.", "en", "high"),  # names run together
    ("Mail klachten@hotmail.com maar.", "nl", "high"),  # webmail is a person's
    ("Mail j.devries@utrecht.nl maar.", "nl", "high"),  # an employee's own address
]


@pytest.mark.parametrize("text,lang,severity", EMAIL_ROLES)
def test_department_addresses_are_low(pipeline, text, lang, severity):
    _, found = _findings(pipeline, text, lang, rule="PRIV-EMAIL")
    assert [f.severity.value for f in found] == [severity]
    assert (found[0].details.get("role") is True) == (severity == "low")


def test_a_relative_or_an_age_makes_an_ambiguous_first_name_a_person(pipeline):
    report, found = _findings(pipeline, "Mijn buurman Kees heeft diabetes en krijgt geen hulp.", "nl")
    assert ("PRIV-PERSON", "Kees") in {(f.rule_id, f.span.excerpt) for f in found}
    assert report.decision.value == "review"
    _, found = _findings(pipeline, "De 15-jarige Mohammed uit Zuidoost werd opgepakt.", "nl")
    assert {"PRIV-PERSON", "PRIV-MINOR"} <= {f.rule_id for f in found}
    _, found = _findings(pipeline, "Onze stagiair Lars (17) helpt deze zomer op het stadhuis.", "nl")
    assert {"PRIV-PERSON", "PRIV-MINOR"} <= {f.rule_id for f in found}
    _, found = _findings(pipeline, "Mijn buurman heeft een nieuwe auto.", "nl")
    assert found == []


def test_a_role_belongs_to_the_name_right_after_it(pipeline):
    _, found = _findings(pipeline, "Wethouder Yilmaz bezocht mevrouw De Wit (92) in Oosterhout.", "nl", rule="PRIV-PERSON")
    assert [(f.span.excerpt, f.severity.value) for f in found if f.span.excerpt == "De Wit"] == [("De Wit", "low")]
    assert "Oosterhout" not in {f.span.excerpt for f in found}  # a town, not a surname
    for text in ["Our spokesperson on health, Dr Priya Nair, explains our plan.",
                 "Hij is ons jongste raadslid: welkom, Daan Smit!"]:
        _, found = _findings(pipeline, text, None, rule="PRIV-PERSON")
        assert [f.severity.value for f in found] == ["info"], text


def test_a_surname_like_word_after_in_is_a_place(pipeline):
    for text, lang in [("Mevrouw De Wit woont al 70 jaar in Kruisland.", "nl"),
                       ("We had a great day in Hartlepool with residents.", "en")]:
        _, found = _findings(pipeline, text, lang, rule="PRIV-PERSON")
        assert [f.span.excerpt for f in found if f.span.excerpt in ("Kruisland", "Hartlepool")] == [], text
    _, found = _findings(pipeline, "Ik sprak met Jansen in Kruisland.", "nl", rule="PRIV-PERSON")
    assert [f.span.excerpt for f in found] == ["Jansen"]  # a cue ("met") still makes the name


def test_a_weak_lone_name_does_not_make_a_venue_a_home(pipeline):
    text = "To sign up contact Priya on 07459567359. Venue: 54 Elm Road, York."
    _, found = _findings(pipeline, text, "en", rule="PRIV-ADDRESS")
    assert [f.severity.value for f in found] == ["low"]
    _, found = _findings(pipeline, "Jansen woont op de Lindenlaan 4.", "nl", rule="PRIV-ADDRESS")
    assert [f.severity.value for f in found] == ["high"]  # a name with a cue still does


# The organisation's own number, account or desk address, by the words around it: low, with a message that
# says so. A private person (or a word pointing at one) in the sentence keeps it theirs.
ORGANISATION_OWN = [
    ("Heb je vragen over de Wmo? Bel het Wmo-loket: 0546 - 54 12 34 (ma-vr 9:00-12:00).", "nl", "PRIV-PHONE"),
    ("Gemeente Dorpen, afdeling Vergunningen, Markt 1, 7601 AB Dorpen, tel. 0546-123456.", "nl", "PRIV-PHONE"),
    ("Bel ons op 020-5555555 of kom langs in het stadskantoor.", "nl", "PRIV-PHONE"),
    ("Call the council on 01632 960000 to report a missed bin.", "en", "PRIV-PHONE"),
    ("Our office is open 9 to 5. Call us on 020 7946 0000.", "en", "PRIV-PHONE"),
    ("Betaal via NL91 ABNA 0417 1643 00 t.n.v. Gemeente Dorpen onder vermelding van uw kenteken.", "nl", "PRIV-IBAN"),
    ("Steun onze campagne! Doneer op NL91 ABNA 0417 1643 00 t.n.v. CDA Dorpen.", "nl", "PRIV-IBAN"),
    ("Donate to our campaign: GB29 NWBK 6016 1331 9268 19, Anytown Labour Party.", "en", "PRIV-IBAN"),
    ("Donate to our campaign: sort code 20-00-00, account 12345678, Anytown Labour Party.", "en", "PRIV-IBAN"),
]
ORGANISATION_NOT = [
    ("Bel Jan gerust op 06-12345678 als je vragen hebt.", "nl", "PRIV-PHONE", "high"),
    ("Bel wijkcoach Anja de Vries van de gemeente op 06-12345678.", "nl", "PRIV-PHONE", "high"),
    ("Mijn buurman is bereikbaar op 0546-123456, de gemeente weet ervan.", "nl", "PRIV-PHONE", "high"),
    ("Questions? Contact Sandra Smith on 01632 960123.", "en", "PRIV-PHONE", "high"),  # no vacancy or press words
    ("Maak het geld over naar Jan, NL91 ABNA 0417 1643 00.", "nl", "PRIV-IBAN", "blocker"),
    ("Doneer aan de vereniging via zijn rekening NL91 ABNA 0417 1643 00.", "nl", "PRIV-IBAN", "blocker"),
    ("Send the money to his account: sort code 20-00-00, account 12345678.", "en", "PRIV-IBAN", "blocker"),
]


@pytest.mark.parametrize("text,lang,rule_id", ORGANISATION_OWN)
def test_the_organisations_own_number_or_account_is_low(pipeline, text, lang, rule_id):
    report, found = _findings(pipeline, text, lang, rule=rule_id)
    assert [f.severity for f in found] == [Severity.LOW]
    assert found[0].details.get("organisation") is True and "organisation's own" in found[0].message
    assert report.decision.value == "go"


@pytest.mark.parametrize("text,lang,rule_id,severity", ORGANISATION_NOT)
def test_a_persons_number_or_account_stays(pipeline, text, lang, rule_id, severity):
    _, found = _findings(pipeline, text, lang, rule=rule_id)
    assert [f.severity.value for f in found] == [severity]


@pytest.mark.parametrize("text,lang,excerpt", [
    ("Het UWV verwerkt aanvragen binnen 5 werkdagen. Vragen? Bel 088 - 898 92 94.", "nl", "088 - 898 92 94"),
    ("Questions about your bin collection? Call 0300 123 4567.", "en", "0300 123 4567"),
])
def test_company_and_public_body_lines_are_low(pipeline, text, lang, excerpt):
    _, found = _findings(pipeline, text, lang, rule="PRIV-PHONE")
    assert [(f.span.excerpt, f.severity) for f in found] == [(excerpt, Severity.LOW)]


def test_a_dutch_030_number_is_not_a_uk_0300_line(pipeline):
    _, found = _findings(pipeline, "Bel Jan op 030 - 2345 678.", "nl", rule="PRIV-PHONE")
    assert [f.severity for f in found] == [Severity.HIGH]


@pytest.mark.parametrize("local", ["planning", "customer.services", "klantcontact.centrum"])
def test_desk_words_make_a_department_address(pipeline, local):
    _, found = _findings(pipeline, f"Mail {local}@gemeente-dorpen.nl voor vragen.", "nl", rule="PRIV-EMAIL")
    assert [f.severity for f in found] == [Severity.LOW]


# An address set right after a private person's name, as on an envelope ("Peter de Vries, Dorpsstraat 12"),
# or joined by "wonende", is their home; a venue named right before an address keeps it the venue's.
@pytest.mark.parametrize("text,lang,street", [
    ("Inwoner Peter de Vries (Dorpsstraat 12, 06-12345678) heeft bezwaar gemaakt.", "nl", "Dorpsstraat 12"),
    ("Inwoner Peter de Vries, Dorpsstraat 12, heeft bezwaar gemaakt.", "nl", "Dorpsstraat 12"),
    ("Uitslag: Kees Jansen, geboren op 12-03-1985, wonende Lindelaan 7, is goedgekeurd.", "nl", "Lindelaan 7"),
    ("The man who complained is Tom Walker, 14 Elm Road, Leeds LS6 2AB.", "en", "14 Elm Road"),
    ("Sarah Miller's date of birth is 14/02/1990 and she lives at 8 Park Road.", "en", "8 Park Road"),
])
def test_an_address_set_after_a_name_is_their_home(pipeline, text, lang, street):
    report, found = _findings(pipeline, text, lang, rule="PRIV-ADDRESS")
    assert [(f.span.excerpt, f.severity) for f in found] == [(street, Severity.BLOCKER)]
    assert report.decision.value == "no_go"


@pytest.mark.parametrize("text,lang", [
    ("Spreekuur wijkagent Peter Smit: elke woensdag in het wijkcentrum, Lindelaan 3.", "nl"),
    ("De bibliotheek aan de Dorpsstraat 12 wordt geopend door Jan de Vries.", "nl"),
    ("Public meeting at St Mary's Church Hall, 4 Church Street. Councillor Jane Fisher and Tom Walker will attend.", "en"),
])
def test_a_venue_before_the_address_keeps_it_low(pipeline, text, lang):
    report, found = _findings(pipeline, text, lang, rule="PRIV-ADDRESS")
    assert [f.severity for f in found] == [Severity.LOW] and report.decision.value == "go"


def test_date_of_birth_is(pipeline):
    _, found = _findings(pipeline, "Sarah Miller's date of birth is 14/02/1990.", "en", rule="PRIV-DOB")
    assert [f.span.excerpt for f in found] == ["14/02/1990"]


@pytest.mark.parametrize("text,lang,excerpt", [
    ("The chair of the residents' association, Linda Price, is on antidepressants.", "en", "on antidepressants"),
    ("Karel Jansen is opgenomen in een psychiatrische kliniek.", "nl", "psychiatrische kliniek"),
])
def test_psychiatric_care_of_a_named_resident_blocks(pipeline, text, lang, excerpt):
    report, found = _findings(pipeline, text, lang, rule="PRIV-SPECIAL-CATEGORY")
    assert [(f.span.excerpt, f.severity) for f in found] == [(excerpt, Severity.BLOCKER)]


def test_a_plate_with_a_call_to_find_the_driver_is_high(pipeline):
    text = "Wie herkent deze bestuurder? De auto met kenteken 12-ABC-3 reed een fietser aan en reed door."
    _, found = _findings(pipeline, text, "nl", rule="PRIV-PLATE")
    assert [(f.span.excerpt, f.severity) for f in found] == [("12-ABC-3", Severity.HIGH)]
    _, found = _findings(pipeline, "De auto met kenteken 12-ABC-3 staat al weken op de stoep.", "nl", rule="PRIV-PLATE")
    assert [f.severity for f in found] == [Severity.MEDIUM]


@pytest.mark.parametrize("text,lang,severity", [
    ("We are hiring: Policy Officer. Questions? Contact Sandra Smith on 01632 960123.", "en", "low"),
    ("De gemeente zoekt een beleidsmedewerker. Solliciteren kan tot 1 juli. Vragen? Bel Sandra Smit op 0546 123 789.",
     "nl", "low"),
    ("Vacature oppas. Bel mijn buurvrouw op 06-12345678.", "nl", "high"),  # a word pointing at a private person
])
def test_a_vacancy_contact_is_a_work_line(pipeline, text, lang, severity):
    _, found = _findings(pipeline, text, lang, rule="PRIV-PHONE")
    assert [f.severity.value for f in found] == [severity]



@pytest.mark.parametrize("text,lang,rule_id,excerpt,severity", [
    ("The man who wrote to us is Darren Mills, 14 Oakfield Road, Stockport SK4 2LP.", "en", "PRIV-ADDRESS",
     "14 Oakfield Road", "blocker"),
    ("Vragen? Mail naar parkeren@gemeente-zwolle.nl of bel (038) 498 2000 op werkdagen.", "nl", "PRIV-PHONE",
     "(038) 498 2000", "low"),  # the desk's e-mail address in the sentence: the desk's line
    ("Mail opvang@gemeente-arnhem.nl voor vragen over de opvang.", "nl", "PRIV-EMAIL", "opvang@gemeente-arnhem.nl", "low"),
    ("The password for the shared campaign drive is Summer2024!! Please don't share it.", "en", "PRIV-SECRET-TOKEN",
     "Summer2024!!", "blocker"),
    ("Wachtwoord voor de gedeelde campagnemap: Zomer2025!Team. Niet doorsturen.", "nl", "PRIV-SECRET-TOKEN",
     "Zomer2025!Team", "blocker"),
])
def test_second_acceptance_round(pipeline, text, lang, rule_id, excerpt, severity):
    _, found = _findings(pipeline, text, lang, rule=rule_id)
    assert [(f.span.excerpt, f.severity.value) for f in found] == [(excerpt, severity)]


# Third acceptance round: the organisation's own lines and desks, venues and labels; own example sentences.
OWN_LINES = [
    ("Libraries are shut on Friday. For emergencies call 01632 960 111 at any time.", "en", "PRIV-PHONE"),
    ("Our offices are closed on Monday. Call 01632 960 112 if a tree has fallen.", "en", "PRIV-PHONE"),
    ("Want to help at the food bank? Ring Priya on our helpers line 01632 960 454.", "en", "PRIV-PHONE"),
    ("Street lights out? Call highways services on 01632 960 303.", "en", "PRIV-PHONE"),
    ("Report a pothole: 01632 960 404 (24 hrs).", "en", "PRIV-PHONE"),
    ("Burst main? Ring 01632 960 414, 24/7.", "en", "PRIV-PHONE"),
    ("Check your bin day at bins.eastbury.gov.uk or call 01632 960 606.", "en", "PRIV-PHONE"),
    ("Questions about the fund? Email funding@eastbury.gov.uk or ring 01632 960 505.", "en", "PRIV-PHONE"),
    ("Questions about the fund? Email funding@eastbury.gov.uk or ring 01632 960 505.", "en", "PRIV-EMAIL"),
    ("Apply for a grant: grants@eastbury.gov.uk.", "en", "PRIV-EMAIL"),
    ("Storingen melden: 0546 123 456 (24 uur per dag).", "nl", "PRIV-PHONE"),
    ("Wil je helpen bij de voedselbank? Bel Anja op ons vrijwilligersnummer 0546 123 457.", "nl", "PRIV-PHONE"),
    # a party group's own office line
    ("Any questions about the budget? Phone the Green group office on 01632 960 221.", "en", "PRIV-PHONE"),
    ("Vragen over de motie? Bel het fractiebureau: 0546 123 470.", "nl", "PRIV-PHONE"),
    ("Het fractiekantoor is bereikbaar op 0546 123 471.", "nl", "PRIV-PHONE"),
    ("Want a poster? Contact the party office on 01632 960 222.", "en", "PRIV-PHONE"),
]
NOT_OWN_LINES = [
    ("Call Priya on her mobile 07700 900 454, she runs the rota.", "en", "PRIV-PHONE"),
    ("My neighbour Dave is on 01632 960 707 (24 hrs), ring him.", "en", "PRIV-PHONE"),
    ("Call me on our home number 01632 960 808.", "en", "PRIV-PHONE"),
    ("Report him to me on 07700 900 123 if he parks there again.", "en", "PRIV-PHONE"),
    ("Email dave@eastbury.gov.uk if you want to talk to Dave.", "en", "PRIV-EMAIL"),  # a first name
    ("Email jsmith@eastbury.gov.uk with your questions.", "en", "PRIV-EMAIL"),  # an initial and a surname
    ("Email grants@hotmail.co.uk with your questions.", "en", "PRIV-EMAIL"),  # webmail, not a public body
    ("Bel mij gerust op ons nummer thuis 0546 123 458.", "nl", "PRIV-PHONE"),
    ("Our group office passed on a complaint; call Mrs Patel on her mobile 07700 900 461.", "en", "PRIV-PHONE"),
]


# A private person's own line: a word for a private line and the number set right after their full name (or
# honorific and surname) is a blocker, as their home address is; without such a word (a volunteer's or employee's
# line given on purpose), with a first name alone or for a public figure it stays high, the organisation's line low.
PERSONAL_LINES = [
    ("Privé is onze secretaris Anja de Vries bereikbaar op 06-12345678.", "nl", "blocker"),
    ("Bel Anja de Vries op haar privénummer 06-12345678.", "nl", "blocker"),
    ("Mevrouw De Vries is thuis bereikbaar op 06-12345678.", "nl", "blocker"),
    ("Sandra Smith's home number is 01632 960123, ring her.", "en", "blocker"),
    ("Call Sandra Smith at home on 01632 960123.", "en", "blocker"),
    ("Bel Anja de Vries op 06-12345678 als je vragen hebt.", "nl", "high"),  # no word for a private line
    ("Questions? Contact Sandra Smith on 07700 900123.", "en", "high"),
    ("Bel Anja op haar privénummer 06-12345678.", "nl", "high"),  # a first name alone
    ("Bel Anja op 06-12345678.", "nl", "high"),
    ("Call Anja on 07700 900123.", "en", "high"),
    ("Bel wijkcoach Anja de Vries van de gemeente thuis op 06-12345678.", "nl", "high"),  # not right after the name
    ("Councillor Sandra Smith is on 07700 900123 at home.", "en", "high"),  # a public figure
    ("We are hiring! Questions? Contact Sandra Smith on 01632 960123.", "en", "low"),  # a work line
    ("Bel ons op 020-5555555 of kom langs.", "nl", "low"),  # the organisation's own line
]


@pytest.mark.parametrize("text,lang,severity", PERSONAL_LINES)
def test_a_named_persons_own_number_is_a_blocker(pipeline, text, lang, severity):
    report, found = _findings(pipeline, text, lang, rule="PRIV-PHONE")
    assert [f.severity.value for f in found] == [severity]
    if severity == "blocker":
        assert found[0].details.get("personal") is True and "Sr 285d" in found[0].message
        assert report.decision.value == "no_go"


def test_the_council_line_stays_as_it_is(pipeline):
    # "14 020" is no phone number to the recognizers; the council named as the contact adds nothing
    _, found = _findings(pipeline, "Bel de gemeente op 14 020 voor een afspraak.", "nl", rule="PRIV-PHONE")
    assert found == []


@pytest.mark.parametrize("text,lang,rule_id", OWN_LINES)
def test_own_lines_and_desks_are_low(pipeline, text, lang, rule_id):
    report, found = _findings(pipeline, text, lang, rule=rule_id)
    assert [f.severity for f in found] == [Severity.LOW], found
    assert report.decision.value == "go"


@pytest.mark.parametrize("text,lang,rule_id", NOT_OWN_LINES)
def test_a_private_line_next_to_own_line_words_stays_high(pipeline, text, lang, rule_id):
    _, found = _findings(pipeline, text, lang, rule=rule_id)
    assert [f.severity for f in found] == [Severity.HIGH], found


@pytest.mark.parametrize("text,lang,severity", [
    ("Election night count at Friends Meeting House, 14 Mount Street. All candidates attend.", "en", "low"),
    ("Nieuwe openingstijden van de kringloopwinkel: di-za 10-17 uur. Adres: Industrieweg 14. Tot ziens!", "nl", "low"),
    ("Het servicepunt is verhuisd naar het stadskantoor, Marktstraat 4.", "nl", "low"),
    ("Het Loket Wonen zit vanaf maandag in het gemeentehuis, Marktstraat 4.", "nl", "low"),  # a desk, no one living
    ("Where: 14 Mount Street. Doors open at 7.", "en", "low"),
    ("She lives in the Old Meeting House, 6 Mount Street, with her kids.", "en", "high"),  # a residence word
    ("Jan de Vries belde ons. Adres: Industrieweg 14.", "nl", "high"),  # a person in the post
])
def test_venues_and_bare_labels(pipeline, text, lang, severity):
    _, found = _findings(pipeline, text, lang, rule="PRIV-ADDRESS")
    assert [f.severity.value for f in found] == [severity]


@pytest.mark.parametrize("text,lang,place", [
    ("Kerstmarkt op de Grote Markt vanaf 18 uur.", "nl", "Grote Markt"),
    ("Het Loket Zorg zit vanaf maandag in het gemeentehuis.", "nl", "Loket Zorg"),
])
def test_a_square_or_desk_is_not_a_person(pipeline, text, lang, place):
    report, found = _findings(pipeline, text, lang, rule="PRIV-PERSON")
    assert [f for f in found if f.severity > Severity.INFO] == []
    assert "<PERSON>" not in (report.redacted or "")


@pytest.mark.parametrize("text,name", [
    ("Bel Marloes op 14 050 voor een afspraak.", "Marloes"),  # an imperative opening the sentence
    ("Leerling Daan las het gedicht voor.", "Daan"),
    ("Lieve inwoners, fijne feestdagen! Groet, Marloes", "Marloes"),  # "Lieve" is the letter's "Dear"
])
def test_a_word_opening_the_sentence_is_not_part_of_the_name(pipeline, text, name):
    _, found = _findings(pipeline, text, "nl", rule="PRIV-PERSON")
    assert [f.span.excerpt for f in found] == [name]


@pytest.mark.parametrize("personal,match", [
    ({"severity": "blocker", "words": {"nl": ["privé"]}, "linkers": {"nl": ["op"]}, "extra": 1}, "unknown keys"),
    ({"severity": "urgent", "words": {"nl": ["privé"]}, "linkers": {"nl": ["op"]}}, "severity"),
    ({"severity": "blocker", "linkers": {"nl": ["op"]}}, "personal.words"),
    ({"severity": "blocker", "words": {"nl": ["privé"]}, "linkers": ["op"]}, "personal.linkers"),
    ({"severity": "blocker", "words": {"nl": ["privé"]}, "linkers": {"nl": ["op"]}, "identifiable_score": 2}, "score"),
])
def test_broken_personal_params_are_named(personal, match):
    from socialrisk.checkers.privacy import PrivacyChecker
    from socialrisk.rules import load_rules

    rule = next(r for r in load_rules().rules if r.id == "PRIV-PHONE")
    bad = rule.model_copy(update={"params": {**rule.params, "personal": personal}})
    with pytest.raises(ValueError, match=match):
        PrivacyChecker.validate_rule(bad)


@pytest.mark.parametrize("org,match", [
    ({"severity": "low", "words": {"en": ["us"]}, "own": {"nouns": ["line"]}}, "own.nouns"),
    ({"severity": "low", "words": {"en": ["us"]}, "own": {"lines": {"en": ["x"]}}}, "own must be a mapping"),
    ({"severity": "low", "words": {"en": ["us"]}, "domains": {"suffixes": "gov.uk"}}, "domains"),
])
def test_broken_organisation_params_are_named(org, match):
    from socialrisk.checkers.privacy import PrivacyChecker
    from socialrisk.rules import load_rules

    rule = next(r for r in load_rules().rules if r.id == "PRIV-PHONE")
    bad = rule.model_copy(update={"params": {**rule.params, "organisation": org}})
    with pytest.raises(ValueError, match=match):
        PrivacyChecker.validate_rule(bad)


# National identity numbers beyond the BSN: a label or context word, and the number's checks.
NATIONAL_IDS = [
    ("Her Social Security number 536-22-8194 was on the letter.", "blocker"),
    ("My SSN is 536-22-8194, can you fix my record?", "blocker"),
    ("Your social security appeal, ref 536-22-8194, is on file.", "high"),  # a context word, no label
    ("Mr Lee (PPS 6433435F) won the raffle.", "blocker"),
    ("Her PPSN: 1234567T is on the form.", "blocker"),
    ("Mr Lee, don't post your TFN (123 456 782) here.", "blocker"),  # a TFN, though it passes the BSN 11-test too
    # a UK National Insurance number: after its label, or with a context word near, a blocker as a BSN is
    ("His National Insurance number is AB 12 34 56 C, she wrote.", "blocker"),
    ("NI number: JG103759A", "blocker"),
    ("Her NINO AB123456C was on the form.", "blocker"),
    ("Her insurance form lists AB123456C.", "blocker"),
]
NATIONAL_ID_CLEAN = [
    "Invoice 536-22-8194 is paid.",  # no label, no context word
    "Call 536-22-8194 for the social club.",
    "My SSN is 666-22-8194, can you fix my record?",  # an area number never issued
    "Mr Lee (PPS 6433435G) won the raffle.",  # wrong check letter
    "Order 6433435F has shipped.",
    "Your TFN (123 456 789) is wrong.",  # fails the TFN checksum
    "His National Insurance number is QQ 12 34 56 C, the example on the HMRC form.",  # Q is no first letter
    "NI number: GB123456A",  # a prefix HMRC does not allocate
    "NI number: AO123456A",  # O is no second letter
    "Code AB123456C gives a discount.",  # the shape, no label or context word
    "His National Insurance number is AB 12 34 56 E.",  # suffix past D
]


@pytest.mark.parametrize("text,severity", NATIONAL_IDS)
def test_national_id_numbers(pipeline, text, severity):
    _, found = _findings(pipeline, text, "en")
    ids = [(f.rule_id, f.severity.value) for f in found if f.rule_id in ("PRIV-NATIONAL-ID", "PRIV-BSN")]
    assert ids == [("PRIV-NATIONAL-ID", severity)]


@pytest.mark.parametrize("text", NATIONAL_ID_CLEAN)
def test_national_id_look_alikes(pipeline, text):
    _, found = _findings(pipeline, text, "en")
    assert [f.rule_id for f in found if f.rule_id in ("PRIV-NATIONAL-ID", "PRIV-BSN")] == []


# A health fact linked to a named private person across an apposition, a relative clause or a repeated first name.
HEALTH_LINKED = [
    ("Huge thanks to Ms Hannah Whitlock. Hannah, who is diabetic, still ran the 10k for us.", "en", "diabetic"),
    ("Please welcome Peter Quinn – Peter, who many of you met at the fair, has been diagnosed with cancer.", "en",
     "cancer"),
    ("Gordon Pike, the resident who was sectioned under the Mental Health Act, is home.", "en",
     "sectioned under the Mental Health Act"),
    ("Jane Cole from Leeds has dementia, her son told us.", "en", "dementia"),
    ("Dank aan Henk Bakker voor zijn inzet! Henk vecht al jaren tegen leukemie.", "nl", "leukemie"),
    ("Mevr. Jansen (81) uit Emmen is herstellende van een beroerte.", "nl", "beroerte"),
    ("Gerda Smit (45), die vorig jaar na een hartaanval stopte, is terug.", "nl", "hartaanval"),
    ("Sterkte aan Wim Veenstra, die na een overdosis in het ziekenhuis ligt.", "nl", "overdosis"),
]
HEALTH_NOT_LINKED = [
    ("Thanks to Jan Smit, who raised money for cancer research.", "en"),
    ("Thanks to Peter Quinn for the cake. Peter says the cancer ward needs volunteers.", "en"),
    ("We marked the day with Jane Cole, who spoke about her work against cancer.", "en"),
    ("Henk Bakker sprak vandaag over kanker bij jongeren.", "nl"),
    ("Dank aan Henk Bakker! Henk zamelde geld in voor kankeronderzoek.", "nl"),
]


@pytest.mark.parametrize("text,lang,excerpt", HEALTH_LINKED)
def test_health_fact_linked_across_apposition_or_repeated_first_name(pipeline, text, lang, excerpt):
    report, found = _findings(pipeline, text, lang, rule="PRIV-SPECIAL-CATEGORY")
    assert [(f.span.excerpt, f.severity) for f in found] == [(excerpt, Severity.BLOCKER)]
    assert report.decision.value == "no_go"


@pytest.mark.parametrize("text,lang", HEALTH_NOT_LINKED)
def test_health_word_near_a_name_but_not_about_them(pipeline, text, lang):
    _, found = _findings(pipeline, text, lang, rule="PRIV-SPECIAL-CATEGORY")
    assert all(f.severity <= Severity.LOW for f in found)


def test_the_repeated_first_name_is_not_reported_twice(pipeline):
    _, found = _findings(pipeline, "Huge thanks to Ms Hannah Whitlock. Hannah, who is diabetic, ran the 10k.", "en",
                         rule="PRIV-PERSON")
    assert "Hannah Whitlock" in {f.span.excerpt for f in found}
    assert all(f.details.get("pattern") != "echo" for f in found)  # the echo only links the fact


# The home of a private person by the words that set the address against the name.
HOME_LINKED = [
    ("The resident who rang us is Gary Moss from number 3 Cedar Road, and we have spoken to him.", "en", "3 Cedar Road"),
    ("Reminder to Mrs Cole at 12 High Street: your bill is late.", "en", "12 High Street"),
    ("Well done to Joan Birch (68) of 4 Alder Close for the garden prize!", "en", "4 Alder Close"),
    ("Brief aan mevrouw Jansen op de Kerkweg 8: uw aanslag is te laat.", "nl", "Kerkweg 8"),
    ("Dank aan Sanne Bos voor de tip! Sanne woont zelf op nummer 7 van de Beukenlaan.", "nl", "nummer 7 van de Beukenlaan"),
    ("Our neighbour Ray at 9 Birch Road has a petition. Pop round and sign it!", "en", "9 Birch Road"),
    ("Overlast op de Eikstraat 4 (familie Yilmaz), handhaving gaat langs.", "nl", "Eikstraat 4"),
    ("The noise came from 9 Oak Street (Mr Grant), we are told.", "en", "9 Oak Street"),
]
HOME_NOT_LINKED = [
    ("Meet Jane Cole at 12 High Street on Saturday.", "en", "high"),  # a meeting place, not a letter's address
    ("Dr Patel at 12 Station Road is taking new patients.", "en", "high"),  # a surgery
    ("Feest bij Jan Smit op de Lindelaan 14 vanavond.", "nl", "high"),
    ("Onze buurman Piet op de Lindelaan 14 heeft gelijk.", "nl", "high"),  # a first name: high, not blocker
    ("De kerk op nummer 4 van de Dorpsstraat gaat dicht.", "nl", "low"),
    ("Spreekuur in het wijkcentrum, Eikstraat 4 (ingang Jan Smit).", "nl", "low"),  # brackets, but no household
]


@pytest.mark.parametrize("text,lang,street", HOME_LINKED)
def test_home_address_linked_to_a_named_person(pipeline, text, lang, street):
    report, found = _findings(pipeline, text, lang, rule="PRIV-ADDRESS")
    assert [(f.span.excerpt, f.severity) for f in found] == [(street, Severity.BLOCKER)]
    assert report.decision.value == "no_go"


@pytest.mark.parametrize("text,lang,severity", HOME_NOT_LINKED)
def test_address_near_a_name_that_is_not_their_home(pipeline, text, lang, severity):
    _, found = _findings(pipeline, text, lang, rule="PRIV-ADDRESS")
    assert [f.severity.value for f in found] == [severity]


def test_a_name_running_into_the_street_is_split(pipeline):
    _, found = _findings(pipeline, "Onze buurman Piet op de Lindelaan 14 heeft gelijk.", "nl", rule="PRIV-PERSON")
    assert [f.span.excerpt for f in found] == ["Piet"]


# A Dutch driving-licence number: 10 digits a few words after "rijbewijs(nummer)" / "driving licence"; own sentences.
@pytest.mark.parametrize("text,lang,excerpt", [
    ("Zijn rijbewijsnummer is 4871203956, check het maar.", "nl", "4871203956"),
    ("Rijbewijs 4871203956 van de buurman lag op straat.", "nl", "4871203956"),
    ("Haar rijbewijsnummer: 4871 203 956", "nl", "4871 203 956"),
    ("Mijn rijbewijs (nummer 4871203956) is gestolen.", "nl", "4871203956"),
    ("His driving licence number 4871203956 was in the leaked file.", "en", "4871203956"),
    ("Her driver's licence: 4871203956", "en", "4871203956"),
])
def test_dutch_driving_licence_number(pipeline, text, lang, excerpt):
    _, found = _findings(pipeline, text, lang, rule="PRIV-ID-DOC")
    assert [(f.span.excerpt, f.severity) for f in found] == [(excerpt, Severity.HIGH)]


@pytest.mark.parametrize("text,lang", [
    ("Ordernummer 4871203956 is vandaag verzonden.", "nl"),
    ("Het rijbewijs is 10 jaar geldig; zaak 4871203956.", "nl"),
    ("Rijbewijs kwijt? Zaaknummer 4871203956.", "nl"),
    ("Het rijbewijsloket: 4871203956", "nl"),  # not the licence word itself
    ("Factuur 4871203956 voor het paspoort.", "nl"),  # number before the word
    ("Document 4871203956 is on the agenda.", "en"),
    ("Driving licence fees rose; 4871203956 is our reference.", "en"),
])
def test_ten_digits_without_a_licence_label_are_not_a_licence(pipeline, text, lang):
    _, found = _findings(pipeline, text, lang, rule="PRIV-ID-DOC")
    assert found == [], [(f.span.excerpt, f.severity) for f in found]
