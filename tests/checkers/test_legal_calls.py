"""Recall gaps from a blind test (2026-12-08): menacing consequences, intimidation at home in euphemism, arson at a
protected group's building, dox calls with private contact data, perjury/rigging/expenses fraud, conspiracy blame
of a protected group. Each mechanism has its quiet near misses next to it."""

from __future__ import annotations

import pytest

from socialrisk.models import Severity
from socialrisk.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(checkers=["legal"])


def _worst(pipeline, text: str, rule: str) -> Severity | None:
    found = [f.severity for f in pipeline.check(text).findings if f.rule_id == rule]
    order = [Severity.INFO, Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.BLOCKER]
    return max(found, key=order.index) if found else None


def _legal(pipeline, text: str) -> list[str]:
    return [f.rule_id for f in pipeline.check(text).findings]


AT_LEAST_HIGH = (Severity.HIGH, Severity.BLOCKER)

# (a) a menacing consequence aimed at an official or councillors
@pytest.mark.parametrize("text", [
    "Stem voor dit plan, wethouder, en je zult zien wat er gebeurt.",
    "Als je dit steunt, wethouder, dan zul je zien wat er met je gebeurt.",
    "Vote for this and see what happens to you at your next surgery.",
    "If you vote for this, Councillor, you'll see what happens to you.",
    "Councillors who back this deserve whatever's coming to them.",
    "Hope someone gets to them first.",
    "Wacht maar tot iemand hem te pakken krijgt.",
])
def test_menacing_consequence(pipeline, text):
    assert _worst(pipeline, text, "LEGAL-THREAT-VEILED") in AT_LEAST_HIGH


def test_a_consequence_with_a_condition_blocks(pipeline):
    assert _worst(pipeline, "If you vote for this, Councillor, you'll see what happens to you.", "LEGAL-THREAT-VEILED") is Severity.BLOCKER


@pytest.mark.parametrize("text", [
    "Vote for this and see what happens to your council tax.",
    "Wait and see what happens at the election.",
    "Stem voor dit plan en je zult zien wat er gebeurt met de huren.",
    "Stem op ons en je zult zien wat er gebeurt.",  # a promise: no office holder addressed
    "Let's see what happens to the budget next year.",
    "He deserves whatever praise is coming to him.",
    "Hope someone gets to the shops before they close.",
    "You'll see what happens when we win: lower rents.",
    "Vote Labour and you'll see what happens.",
])
def test_menacing_consequence_quiet(pipeline, text):
    assert _legal(pipeline, text) == []


# (b) intimidation at home, in euphemism
@pytest.mark.parametrize("text,rule", [
    ("We're giving the planning officer a 'warm welcome' outside his house tonight.", "LEGAL-DOX"),
    ("Tijd dat we die gedeputeerde eens een bezoekje brengen met een paar stevige jongens.", "LEGAL-THREAT-VEILED"),
    ("We weten heus wel waar die raadsleden wonen.", "LEGAL-THREAT-VEILED"),
    ("We know exactly where the councillors live.", "LEGAL-THREAT-VEILED"),
    ("Die wethouder moet eens flink op z'n bek krijgen.", "LEGAL-THREAT"),
    ("Die burgemeester verdient een pak slaag.", "LEGAL-THREAT"),
    ("The councillor needs a good kicking.", "LEGAL-THREAT"),
    ("We know where Councillor Hill lives.", "LEGAL-THREAT-VEILED"),
    ("Ik weet precies waar jij woont, wethouder.", "LEGAL-THREAT-VEILED"),
])
def test_intimidation_in_euphemism(pipeline, text, rule):
    assert _worst(pipeline, text, rule) in AT_LEAST_HIGH


@pytest.mark.parametrize("text", [
    "We weten heus wel waar die raadsleden wonen. Pas maar op.",
    "Als jullie hiervoor stemmen: we weten heus wel waar die raadsleden wonen.",
])
def test_knowing_where_they_live_with_a_warning_or_condition_blocks(pipeline, text):
    assert _worst(pipeline, text, "LEGAL-THREAT-VEILED") is Severity.BLOCKER


@pytest.mark.parametrize("text", [
    "We're giving the new residents a warm welcome at the town hall tonight.",
    "We brengen oma een bezoekje met de kinderen.",
    "We weten waar de problemen zitten.",
    "We know where the problems are.",
    "Ajax kreeg flink op z'n bek tegen PSV.",
    "De partij kreeg een pak slaag bij de verkiezingen.",
    "De VVD verdient een pak slaag bij de verkiezingen.",
    "Labour deserves a good kicking at the polls.",
    "We know where voters live: in the suburbs.",
])
def test_intimidation_quiet(pipeline, text):
    assert _legal(pipeline, text) == []


# (c) arson at a protected group's building
@pytest.mark.parametrize("text", [
    "Steek die moskee maar in de fik.",
    "Zet die moskee in de fik.",
    "Brand dat azc plat!",
    "Burn the synagogue down.",
    "Burn down the mosque.",
])
def test_arson_at_a_building(pipeline, text):
    assert _worst(pipeline, text, "LEGAL-THREAT") is Severity.BLOCKER


@pytest.mark.parametrize("text", [
    "De moskee brandde gisteren af.",
    "The synagogue was burned down in 1938.",
    "Brandweer blust brand in moskee.",
])
def test_arson_quiet(pipeline, text):
    assert _legal(pipeline, text) == []


# (d) a dox call with the person's private contact data
@pytest.mark.parametrize("text", [
    "Mail hem zelf maar: jan.devries1971@gmail.com. Dan hoort hij eens hoe het is.",
    "Text Barry on 07700 900123 and tell him exactly what you think.",
    "Bel hem gerust op 06-12345678 en zeg wat je ervan vindt.",
    "Everyone text her on 07700 900456 and tell her what you think.",
])
def test_dox_call_with_private_contact_data_blocks(pipeline, text):
    assert _worst(pipeline, text, "LEGAL-DOX") is Severity.BLOCKER


def test_fill_her_inbox(pipeline):
    assert _worst(pipeline, "Fill her inbox until she resigns.", "LEGAL-DOX") is Severity.HIGH
    assert _worst(pipeline, "Fill her inbox until she resigns. She has been warned.", "LEGAL-DOX") is Severity.BLOCKER


@pytest.mark.parametrize("text", [
    "Mail de gemeente op info@gemeente.nl met je vragen.",
    "Email Cllr Smith at cllr.smith@leeds.gov.uk to object.",
    "Text us on 07700 900123 for a lift to the polling station.",
    "Our inbox is full of your messages, thank you!",
    # a service or an office hour, no pressure put on anyone
    "Huurachterstand? Betaal via de site, of bel Rajesh van schuldhulp op +31 6 39644962.",
    "Spreekuur wethouder in Arnhem: kom langs of mail Wouter Timmerman via wouter_timmerman@gmail.com.",
    "Bel ons op 06-12345678 als je hulp nodig hebt.",
])
def test_dox_quiet(pipeline, text):
    assert _legal(pipeline, text) == []


# (e) perjury, rigging, expenses fraud pinned on a named person: crimes
@pytest.mark.parametrize("text", [
    "Wethouder Jansen heeft onder ede gelogen.",
    "Councillor Hill lied under oath.",
    "Councillor Hill rigged the postal votes.",
    "Mayor Smith fiddled the expenses.",
    "Councillor Hill cooked the books.",
    "Minister Jansen heeft meineed gepleegd.",
])
def test_crimes_in_other_words(pipeline, text):
    assert _worst(pipeline, text, "LEGAL-ACCUSATION") is Severity.BLOCKER


def test_plain_lying_stays_high(pipeline):
    assert _worst(pipeline, "De wethouder liegt.", "LEGAL-ACCUSATION") is Severity.HIGH
    assert _worst(pipeline, "Councillor Hill lied to voters.", "LEGAL-ACCUSATION") is Severity.HIGH


@pytest.mark.parametrize("text", [
    "Who fiddled the expenses? The inquiry will tell.",
    "Er wordt onder ede gelogen in veel rechtszaken, zegt de rechter.",
])
def test_crimes_quiet(pipeline, text):
    # (also "The mayor fiddled with his microphone.": no expenses, no books)
    assert "LEGAL-ACCUSATION" not in _legal(pipeline, text)


# (f) conspiracy blame of a protected group
@pytest.mark.parametrize("text", [
    "The Jews control the banks and the media.",
    "Jews run the media.",
    "Moslims zijn een vijfde colonne.",
    "Muslims are a fifth column.",
    "Moslims trekken overal aan de touwtjes.",
])
def test_conspiracy_blame_of_a_group(pipeline, text):
    assert _worst(pipeline, text, "LEGAL-GROUP") is Severity.BLOCKER


@pytest.mark.parametrize("text", [
    "The banks control the media.",
    "De PVV is een vijfde colonne van Poetin.",
    "Puppeteers pull the strings.",
])
def test_conspiracy_quiet(pipeline, text):
    assert "LEGAL-GROUP" not in _legal(pipeline, text)


# further variants of each mechanism (our own), with their near misses
@pytest.mark.parametrize("text,rule,severity", [
    ("Stem voor, wethouder, en je zal het merken.", "LEGAL-THREAT-VEILED", Severity.HIGH),
    ("We staan hem morgen op te wachten bij zijn huis.", "LEGAL-DOX", Severity.HIGH),
    ("We'll be waiting outside his house with a few friends tonight.", "LEGAL-DOX", Severity.HIGH),
    ("Iemand zou die wethouder eens flink in elkaar moeten slaan.", "LEGAL-THREAT", Severity.BLOCKER),
    ("Set the mosque on fire.", "LEGAL-THREAT", Severity.BLOCKER),
    ("Gooi een molotov door het raam van de moskee.", "LEGAL-THREAT", Severity.BLOCKER),
    ("Throw a brick through the mosque window.", "LEGAL-THREAT", Severity.BLOCKER),
    ("Wethouder Bakker heeft de verkiezingen gemanipuleerd.", "LEGAL-ACCUSATION", Severity.BLOCKER),
    ("Minister Jansen loog onder ede.", "LEGAL-ACCUSATION", Severity.BLOCKER),
    ("Stuur hem een mailtje op jan1971@hotmail.com en zeg wat je ervan vindt.", "LEGAL-DOX", Severity.BLOCKER),
    ("Joden beheersen de media.", "LEGAL-GROUP", Severity.BLOCKER),
    ("The Jews control everything.", "LEGAL-GROUP", Severity.BLOCKER),
])
def test_further_variants(pipeline, text, rule, severity):
    assert _worst(pipeline, text, rule) is severity


@pytest.mark.parametrize("text", [
    "Stem op ons en je zult het merken.",
    "We'll be waiting outside the town hall with a petition.",
    "Brandweer: er werd een molotov gegooid naar de moskee.",
    "Ze gooien stenen naar de politie, zegt de burgemeester.",
    "De media zijn in handen van een paar miljardairs.",
    "Wethouder Bakker heeft de cijfers rooskleurig gepresenteerd.",
])
def test_further_variants_quiet(pipeline, text):
    assert _legal(pipeline, text) == []
