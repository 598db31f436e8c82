"""The claims checker: unsourced statistics, changes, absolutes, causal claims, certain predictions
and unattributed quotes fire; sources and hedges lower or clear them; years, dates, times, list
numbers and scare quotes are not claims; nothing is ever a blocker."""

from __future__ import annotations

import pytest

from conftest import assert_fires, assert_spans
from socialrisk.checkers.claims import _value
from socialrisk.models import Severity

# (text, lang, rule id, excerpt, severity)
FIRES = [
    # superlatives against a named place, "everyone agrees"
    ("Our county has the fastest broadband in Britain.", "en", "CLAIM-ABSOLUTE", "the fastest broadband in Britain", "low"),
    ("Wij hebben de schoonste straten van Gelderland.", "nl", "CLAIM-ABSOLUTE", "de schoonste straten van Gelderland", "low"),
    ("Everybody agrees the tram was a mistake.", "en", "CLAIM-ABSOLUTE", "Everybody agrees", "low"),
    ("Niemand betwist dat het plan mislukt is.", "nl", "CLAIM-ABSOLUTE", "Niemand betwist", "low"),
    ("De huren zijn met 23% gestegen.", "nl", "CLAIM-STAT", "23%", "medium"),
    ("Het aantal daklozen is verdubbeld.", "nl", "CLAIM-STAT", "verdubbeld", "medium"),
    ("Er staan 1.200 gezinnen op de wachtlijst.", "nl", "CLAIM-STAT", "1.200", "medium"),
    ("Een op de vijf kinderen groeit op in armoede.", "nl", "CLAIM-STAT", "Een op de vijf", "medium"),
    ("Het kost ons € 4 miljoen per jaar.", "nl", "CLAIM-STAT", "€ 4 miljoen", "medium"),
    ("Er zijn naar schatting 300 daklozen in de stad.", "nl", "CLAIM-STAT", "300", "low"),
    ("Crime went up by 40 percent under this council.", "en", "CLAIM-STAT", "40 percent", "medium"),
    # sources that name no one do not clear a figure; "volgens mij" is an opinion, not a source
    ("Uit onderzoek blijkt dat 40% van de huurders te veel betaalt.", "nl", "CLAIM-STAT", "40%", "medium"),
    ("Volgens mij zijn er al 300 daklozen in de stad.", "nl", "CLAIM-STAT", "300", "low"),
    ("Studies show that 40% of renters pay too much.", "en", "CLAIM-STAT", "40%", "medium"),
    # counterfactuals, practice claims, group generalisations, predictions of harm
    ("Als de provincie eerder had ingegrepen, waren de dijken op tijd versterkt.", "nl", "CLAIM-EFFECT", "Als de provincie eerder had ingegrepen, waren", "low"),
    ("If the council had listened, the library would have stayed open.", "en", "CLAIM-EFFECT", "If the council had listened, the library would have", "low"),
    ("In onze gemeente wordt nauwelijks gehandhaafd.", "nl", "CLAIM-ABSOLUTE", "wordt nauwelijks gehandhaafd", "low"),
    ("Starters maken geen kans op een koophuis.", "nl", "CLAIM-ABSOLUTE", "Starters maken geen", "low"),
    ("Renters have no protection against eviction.", "en", "CLAIM-ABSOLUTE", "Renters have no", "low"),
    ("Door deze regel gaan duizenden gezinnen armer worden.", "nl", "CLAIM-PREDICTION", "gaan duizenden gezinnen armer worden", "low"),
    ("We spent 3 million pounds on consultants.", "en", "CLAIM-STAT", "3 million pounds", "medium"),
    ("Three times as many families now rely on food banks.", "en", "CLAIM-STAT", "Three times as many", "medium"),
    ("De wachttijden zijn flink gestegen.", "nl", "CLAIM-CHANGE", "zijn flink gestegen", "low"),
    ("My opponent voted against the school budget.", "en", "CLAIM-CHANGE", "voted against", "low"),
    ("Nooit eerder waren de wachtlijsten zo lang.", "nl", "CLAIM-ABSOLUTE", "Nooit eerder", "low"),
    ("Iedereen weet dat dit plan niet werkt.", "nl", "CLAIM-ABSOLUTE", "Iedereen weet", "low"),
    ("Everyone knows the scheme is 100% safe.", "en", "CLAIM-ABSOLUTE", "Everyone knows", "low"),
    ("This is the worst ever budget for the north.", "en", "CLAIM-ABSOLUTE", "the worst ever", "low"),
    ("Door het beleid van dit kabinet zijn de huren gestegen.", "nl", "CLAIM-CAUSAL", "Door het beleid van", "low"),
    ("Door het beleid van dit kabinet zijn de huren 20% gestegen.", "nl", "CLAIM-CAUSAL", "Door het beleid van", "medium"),
    ("Because of the new tax, small shops closed across the city.", "en", "CLAIM-CAUSAL", "Because of", "low"),
    ("Dit plan zal zeker tot lagere huren leiden.", "nl", "CLAIM-PREDICTION", "zal zeker", "low"),
    ("Prices will definitely fall next year.", "en", "CLAIM-PREDICTION", "will definitely fall", "low"),
    ("De nieuwe regel zal duizenden banen kosten.", "nl", "CLAIM-PREDICTION", "zal duizenden banen kosten", "low"),
    ("This scheme is going to cost every family dearly.", "en", "CLAIM-PREDICTION", "is going to cost", "low"),
    # a link that names no source lowers a statistic to low; it does not remove it
    ("De huren zijn met 23% gestegen. https://t.co/abc123", "nl", "CLAIM-STAT", "23%", "low"),
    ("Rents rose 23% last year. https://bit.ly/x1y2", "en", "CLAIM-STAT", "23%", "low"),
    # a hashtag or a mention of an institution is a topic, not a source
    ("De huren zijn met 23% gestegen. #cbs", "nl", "CLAIM-STAT", "23%", "medium"),
    # a plain figure is low; a claim word ("gemiddeld", "only") makes it a statistic (medium)
    ("De speeltuin kostte 240.000 euro.", "nl", "CLAIM-STAT", "240.000 euro", "low"),
    ("Huurders gaan er gemiddeld 40 euro per maand op achteruit.", "nl", "CLAIM-STAT", "40 euro", "medium"),
    ("Only 3,100 officers have been recruited.", "en", "CLAIM-STAT", "3,100", "medium"),
    # a figure in one's own plan or demand is a target (info), not a claim
    ("Wij willen 100.000 woningen per jaar.", "nl", "CLAIM-STAT", "100.000", "info"),
    ("We will build 450 new council homes.", "en", "CLAIM-STAT", "450", "info"),
    # a figure in a rule being announced (a ban, a permission) is not a claim about the world either
    ("Bijeenkomsten met meer dan 100 mensen zijn verboden tot 1 juni.", "nl", "CLAIM-STAT", "100", "info"),
    ("Gatherings of more than 100 people are banned until June.", "en", "CLAIM-STAT", "100", "info"),
    ("De helft van de kinderen sport niet.", "nl", "CLAIM-STAT", "De helft van", "medium"),
    ("Er slapen meer mensen op straat dan ooit.", "nl", "CLAIM-COMPARISON", "meer mensen op straat dan", "low"),
    ("Corona is veel dodelijker dan de griep.", "nl", "CLAIM-COMPARISON", "dodelijker dan", "low"),
    ("More and more families cannot pay their bills.", "en", "CLAIM-COMPARISON", "More and more", "low"),
    ("Dat medicijn werkt gewoon niet.", "nl", "CLAIM-EFFECT", "werkt gewoon niet", "low"),
    ("This supplement protects against the flu.", "en", "CLAIM-EFFECT", "protects against", "low"),
    ("Niemand gelooft dit verhaal nog.", "nl", "CLAIM-ABSOLUTE", "Niemand gelooft", "low"),
    ("Alle experts zijn het erover eens.", "nl", "CLAIM-ABSOLUTE", "Alle experts zijn", "low"),
    ("Nobody wants this road.", "en", "CLAIM-ABSOLUTE", "Nobody wants", "low"),
    ("De werkloosheid stijgt in onze regio.", "nl", "CLAIM-CHANGE", "stijgt", "low"),
    ("Het besluit heeft geleid tot lange wachtrijen.", "nl", "CLAIM-CAUSAL", "heeft geleid tot", "low"),
    ("The closure led to long queues at the hospital.", "en", "CLAIM-CAUSAL", "led to", "low"),
    # a figure stated before a question is still stated; "niet alleen" does not negate
    ("Al 120 ZIEKEN Hoe kan dat nou??", "nl", "CLAIM-STAT", "120", "low"),
    ("Er staan 1.200 gezinnen op de wachtlijst, waarom doet de wethouder niets?", "nl", "CLAIM-STAT", "1.200", "medium"),
    ("450 families lost their homes\nWhy is nobody talking about it?", "en", "CLAIM-STAT", "450", "low"),
    ("Die stof is niet alleen gevaarlijk voor kinderen.", "nl", "CLAIM-EFFECT", "is niet alleen gevaarlijk", "low"),
    ("Het is geen griep, dit virus is vele malen besmettelijker.", "nl", "CLAIM-COMPARISON", "vele malen besmettelijker", "low"),
    ("Die nieuwe variant is veel gevaarlijker.", "nl", "CLAIM-COMPARISON", "veel gevaarlijker", "low"),
    ("Het gif is lang niet zo schadelijk als de oude middelen.", "nl", "CLAIM-COMPARISON", "lang niet zo schadelijk als", "low"),
    ("The new strain is far deadlier.", "en", "CLAIM-COMPARISON", "far deadlier", "low"),
    ("Een avondklok lost niets op.", "nl", "CLAIM-EFFECT", "lost niets op", "low"),
    ("Die maatregel heeft geen enkel nut.", "nl", "CLAIM-EFFECT", "heeft geen enkel nut", "low"),
    ("De files zullen ook volgend jaar blijven groeien.", "nl", "CLAIM-PREDICTION", "zullen ook volgend jaar blijven groeien", "low"),
    ("Bijna een kwart miljoen huishoudens komt niet rond.", "nl", "CLAIM-STAT", "een kwart miljoen", "low"),
    ("Het verhaal van de wethouder klopt niet.", "nl", "CLAIM-ABSOLUTE", "klopt niet", "low"),
    ("De meeste huurders zijn ontevreden over de verhuurder.", "nl", "CLAIM-ABSOLUTE", "De meeste huurders zijn", "low"),
    ("That story is a hoax.", "en", "CLAIM-ABSOLUTE", "is a hoax", "low"),
    ("We now have twice as many food banks.", "en", "CLAIM-STAT", "twice as many", "medium"),
    ("Ten years ago there were four nurses for every ward.", "en", "CLAIM-STAT", "four nurses for every ward", "medium"),
    ("The council paid two and a half million pounds for it.", "en", "CLAIM-STAT", "two and a half million", "medium"),
    # research or experts invoked but not named; an absolute with a plain verb; a tag that does not report
    ("Uit onderzoek blijkt dat thuiswerken de files halveert.", "nl", "CLAIM-VAGUE-SOURCE", "Uit onderzoek blijkt", "low"),
    ("Experts say the new bridge is unsafe.", "en", "CLAIM-VAGUE-SOURCE", "Experts say", "low"),
    ("Volgens experts is de dijk te laag.", "nl", "CLAIM-VAGUE-SOURCE", "Volgens experts", "low"),
    ("ICT-projecten van de overheid mislukken altijd.", "nl", "CLAIM-ABSOLUTE", "mislukken altijd", "low"),
    ("The council always ignores our letters.", "en", "CLAIM-ABSOLUTE", "always ignores", "low"),
    ("De minister doet niets anders dan vergaderen.", "nl", "CLAIM-ABSOLUTE", "doet niets anders dan", "low"),
    ("#RIVM 189 nieuwe ziekenhuisopnames, dat meldt niemand.", "nl", "CLAIM-STAT", "189", "low"),
    ('"Wij gaan de huren bevriezen voor iedereen" - dat was de belofte.', "nl", "CLAIM-QUOTE",
     '"Wij gaan de huren bevriezen voor iedereen"', "low"),
    ('"We will never raise your council tax again" was the promise.', "en", "CLAIM-QUOTE",
     '"We will never raise your council tax again"', "low"),
]

# (text, lang, rule id that must not fire)
QUIET = [
    ("Tramlijn 16 rijdt deze week niet.", "nl", "CLAIM-STAT"),
    ("Trains to Leeds leave from platform 14 this weekend.", "en", "CLAIM-STAT"),
    ("The best of luck in Cardiff tomorrow, everyone!", "en", "CLAIM-ABSOLUTE"),
    ("Join the biggest street party in July!", "en", "CLAIM-ABSOLUTE"),
    ("We wish you the best in Bristol.", "en", "CLAIM-ABSOLUTE"),
    ("De beste wensen van het hele college!", "nl", "CLAIM-ABSOLUTE"),
    ("Wij gaan samen sterker worden!", "nl", "CLAIM-PREDICTION"),
    ("Als u vragen heeft, bel ons gerust.", "nl", "CLAIM-EFFECT"),
    ("De Dorpsstraat wordt niet afgesloten tijdens de markt.", "nl", "CLAIM-ABSOLUTE"),
    ("Volgens het CBS zijn de huren met 23% gestegen.", "nl", "CLAIM-STAT"),
    ("De huren zijn met 23% gestegen: https://www.cbs.nl/huren", "nl", "CLAIM-STAT"),
    ("De huren zijn met 23% gestegen. Lees meer: https://www.cbs.nl/huren", "nl", "CLAIM-STAT"),
    ("Flu vaccinations for people over 60 start on 1 October.", "en", "CLAIM-COMPARISON"),
    ("Wij zijn tegen windmolens op 300 meter van huizen.", "nl", "CLAIM-STAT"),
    ("Iedereen is welkom op de inloopavond.", "nl", "CLAIM-ABSOLUTE"),
    ("Everyone is welcome at the open evening.", "en", "CLAIM-ABSOLUTE"),
    ("Kom liever met de fiets dan met de auto.", "nl", "CLAIM-COMPARISON"),
    ("Je bent meer dan welkom op onze ledenavond.", "nl", "CLAIM-COMPARISON"),
    ("De balie werkt op maandag niet; kom dinsdag.", "nl", "CLAIM-EFFECT"),
    ("De minister wil de straffen verdubbelen.", "nl", "CLAIM-CHANGE"),
    ("Rents rose 23% (source: ONS, 2024).", "en", "CLAIM-STAT"),
    # a citation in brackets: a name, then a year
    ("Bus journeys rose by 14% last year (Transport Scotland figures, Mar 2024).", "en", "CLAIM-STAT"),
    ("Bus journeys rose by 14% last year (Transport Scotland figures, Mar 2024).", "en", "CLAIM-CHANGE"),
    ("Het aantal leerlingen groeide met 9% (DUO, 2023).", "nl", "CLAIM-STAT"),
    ("Zwerfafval nam met 30% af (Rijkswaterstaat Q2 2024).", "nl", "CLAIM-STAT"),
    # a @handle or #tag that reports is the source of the figure
    ("#RIVM meldt 189 nieuwe ziekenhuisopnames.", "nl", "CLAIM-STAT"),
    ("Er zijn 82 nieuwe besmettingen, bevestigd door @minvws.", "nl", "CLAIM-STAT"),
    ("1,200 new cases today, confirmed by @PHE_uk.", "en", "CLAIM-STAT"),
    # research that is named is a source, not a vague one
    ("Volgens onderzoek van het SCP voelen ouderen zich vaker eenzaam.", "nl", "CLAIM-VAGUE-SOURCE"),
    ("A 2024 ONS survey shows that rents rose in every region.", "en", "CLAIM-VAGUE-SOURCE"),
    ("Wij staan altijd voor u klaar.", "nl", "CLAIM-ABSOLUTE"),
    ("We've always wanted a library in the village.", "en", "CLAIM-ABSOLUTE"),
    ("Dit mogen we nooit meer laten gebeuren.", "nl", "CLAIM-ABSOLUTE"),
    ("Stem op 15 maart op lijst 3!", "nl", "CLAIM-STAT"),
    ("Kom om 20.00 uur naar het stadhuis.", "nl", "CLAIM-STAT"),
    ("In 2023 openden we de nieuwe bibliotheek.", "nl", "CLAIM-STAT"),
    ("Artikel 266 van het Wetboek van Strafrecht gaat over belediging.", "nl", "CLAIM-STAT"),
    ("We hebben 3 kinderen op bezoek gehad.", "nl", "CLAIM-STAT"),
    ("Join us on 12 May at 7 pm in room 4.", "en", "CLAIM-STAT"),
    ("We have been working on this for 20 years.", "en", "CLAIM-STAT"),
    ("Zijn de huren met 23% gestegen?", "nl", "CLAIM-STAT"),
    ("Beste kiezer, kom woensdag stemmen.", "nl", "CLAIM-ABSOLUTE"),
    ("Niet iedereen weet dat je gratis kunt inspreken.", "nl", "CLAIM-ABSOLUTE"),
    ("All the best to the new mayor!", "en", "CLAIM-ABSOLUTE"),
    ("Is this the best we can do?", "en", "CLAIM-ABSOLUTE"),
    ("Dankzij jullie hebben we de verkiezingen gewonnen!", "nl", "CLAIM-CAUSAL"),
    ("Thanks to all our volunteers for a great day.", "en", "CLAIM-CAUSAL"),
    ("Het CPB verwacht dat de huren volgend jaar dalen.", "nl", "CLAIM-PREDICTION"),
    ('Minister De Vries zei in de Kamer: "Wij gaan de huren bevriezen voor iedereen."', "nl", "CLAIM-QUOTE"),
    ("Dit 'gratis' openbaar vervoer kost ons geld.", "nl", "CLAIM-QUOTE"),
    ('"We will never raise your council tax again," the mayor said in May.', "en", "CLAIM-QUOTE"),
    ('"Samen maken we de stad groener voor iedereen" - Wethouder Bos', "nl", "CLAIM-QUOTE"),
    # a question about a figure asserts nothing, also when the question word comes first
    ("Waarom staan er 1.200 gezinnen op de wachtlijst?", "nl", "CLAIM-STAT"),
    ("How many of the 450 homes are empty?", "en", "CLAIM-STAT"),
    # a negation in the same clause still cancels; Covid-19 is a name, not a figure
    ("De nieuwe variant is niet veel gevaarlijker.", "nl", "CLAIM-COMPARISON"),
    ("Heeft u klachten die passen bij Covid-19? Blijf thuis.", "nl", "CLAIM-STAT"),
    # a commitment of one's own is not a prediction; solving a problem ourselves is a plan
    ("Wij zullen blijven strijden voor betaalbare huizen.", "nl", "CLAIM-PREDICTION"),
    ("Samen lossen we het probleem op.", "nl", "CLAIM-EFFECT"),
    ("Heeft u vragen? Wij helpen u graag.", "nl", "CLAIM-EFFECT"),
]


def test_a_quoted_headline_in_a_linked_post_is_info(pipeline):
    text = '"Wethouder wil de parkeertarieven verdubbelen in het centrum" https://t.co/abc'
    quotes = [f for f in pipeline.check(text, lang="nl", policy={"min_severity": "info"}).findings if f.rule_id == "CLAIM-QUOTE"]
    assert quotes and all(f.severity == Severity.INFO for f in quotes)


@pytest.mark.parametrize("text,lang,rule_id,excerpt,severity", FIRES)
def test_fires(pipeline, text, lang, rule_id, excerpt, severity):
    assert_fires(pipeline.check(text, lang=lang), text, rule_id, excerpt, severity)


@pytest.mark.parametrize("text,lang,rule_id", QUIET)
def test_quiet(pipeline, text, lang, rule_id):
    report = pipeline.check(text, lang=lang, policy={"min_severity": "info"})
    assert_spans(report, text)
    assert not [f.span.excerpt for f in report.findings if f.rule_id == rule_id]


def test_claims_never_block_and_suggest_a_source(pipeline):
    text = "Door het beleid van dit kabinet zijn de huren 20% gestegen. Nooit eerder was het zo erg."
    report = pipeline.check(text, lang="nl")
    claims = [f for f in report.findings if f.checker == "claims"]
    assert claims and all(f.severity <= Severity.MEDIUM for f in claims)
    stat = next(f for f in claims if f.rule_id == "CLAIM-STAT")
    assert "source" in stat.suggestion.lower() and "No source" in stat.message


def test_one_statistic_finding_per_sentence_with_the_rest_related(pipeline):
    text = "De huren stegen 12% en de energieprijzen 40%."
    stats = [f for f in pipeline.check(text, lang="nl").findings if f.rule_id == "CLAIM-STAT"]
    assert len(stats) == 1 and stats[0].span.excerpt == "12%" and [r.excerpt for r in stats[0].related] == ["40%"]


@pytest.mark.parametrize("written,value", [("1.200", 1200), ("1,200", 1200), ("3,5", 3.5), ("12", 12), ("2.5", 2.5)])
def test_value_reads_dutch_and_english_separators(written, value):
    assert _value(written) == value


def test_a_claim_level_above_medium_is_refused():
    from socialrisk.checkers.claims import ClaimsChecker
    from socialrisk.rules import Rule

    rule = Rule.model_validate(
        {
            "id": "CLAIM-X-TEST", "checker": "claims", "category": "claims", "severity": "high",
            "params": {"mechanism": "phrase", "levels": {"fact": {"severity": "blocker", "score": 1},
                                                          "hedged": {"severity": "low", "score": 0.2}}},
            "what": "w", "why": "w", "message": "m", "examples": {"trigger": ["a"], "clean": ["b"]},
        }
    )
    with pytest.raises(ValueError, match="medium at most"):
        ClaimsChecker.validate_rule(rule)


@pytest.mark.parametrize("text", [
    "Mevrouw Jansen uit de Dorpsstraat 12 in Zwolle belde ons.",   # a house number is not a count
    "Bel 06-12345678 heeft iemand gezegd.",                        # a phone number is not a statistic
    "Bel 0612345678 voor informatie.",
    "Factuur 2023/0456 is betaald.",
    # postcodes, phone numbers, account and NI numbers, house numbers either side of the street, times
    "Stadskantoor, Raadhuisplein 4, 8011 CW Zwolle.",
    "Vragen? Bel 038 498 2000 op werkdagen.",
    "Maak het over op NL02 RABO 0123 4567 89 t.n.v. de stichting.",
    "The lost wallet held NI number AB 12 34 56 C.",
    "Surgery moves to 27 Mill Lane from Monday.",
    "Call 0161 234 5678 to book a slot.",
    "Residents of LS7 3 get their green bin on Fridays.",
    "The hub is open from 9am to 12 noon on Saturdays.",
    "Join us at 118 Queen Street for the drop-in.",
])
def test_numbers_that_identify_are_not_statistics(pipeline, text):
    assert not [f for f in pipeline.check(text).findings if f.rule_id == "CLAIM-STAT"]


def _stat(pipeline, text, lang):
    found = [f for f in pipeline.check(text, lang=lang, policy={"min_severity": "info"}).findings if f.rule_id == "CLAIM-STAT"]
    return [(f.span.excerpt, f.severity.value, f.details.get("framing")) for f in found]


@pytest.mark.parametrize("text,lang,excerpt", [
    ("Het aantal thuiswerkers is met 12% gestegen.\nBron: CBS, 2024", "nl", "12%"),
    ("De wachtlijst is met 18% gekrompen. Meer weten? Lees de cijfers (bron: NZa).", "nl", "18%"),
    ("Rents rose 9% in a year.\nSource: ONS private rent index", "en", "9%"),
])
def test_a_source_label_elsewhere_in_the_post_lowers_a_figure_to_info(pipeline, text, lang, excerpt):
    got = _stat(pipeline, text, lang)
    assert got == [(excerpt, "info", "cited")]


def test_a_year_alone_in_brackets_names_no_source(pipeline):
    assert _stat(pipeline, "Unemployment fell by 12% (2023).", "en") == [("12%", "medium", "fact")]


def test_a_citation_that_is_not_a_regex_is_refused():
    from socialrisk.checkers.claims import ClaimParams

    with pytest.raises(ValueError, match="not a valid regex"):
        ClaimParams.model_validate({"citation": "(unclosed", "levels": {}})


def test_a_source_word_without_a_label_is_not_a_citation(pipeline):
    assert _stat(pipeline, "Rents rose 9% in a year. The source of the problem is supply.", "en") == [("9%", "medium", "fact")]


@pytest.mark.parametrize("text,lang,excerpt", [
    ("Er gaan miljoenen naar een nieuw zwembad.", "nl", "miljoenen"),
    ("Hundreds of volunteers joined the clean-up.", "en", "Hundreds of"),
    ("The scheme would cost billions.", "en", "billions"),
])
def test_a_quantity_word_without_a_figure_counts_like_a_plain_number(pipeline, text, lang, excerpt):
    assert _stat(pipeline, text, lang) == [(excerpt, "low", "bare")]


def test_a_quantity_word_with_a_claim_word_is_a_statistic(pipeline):
    # as "€ 2 miljoen verspild" is: the claim word, not the vagueness, makes it medium
    assert _stat(pipeline, "De gemeente heeft miljoenen verspild.", "nl") == [("miljoenen", "medium", "fact")]


@pytest.mark.parametrize("text,lang,excerpt", [
    ("Het kabinet verhoogt de kinderbijslag met 4%.", "nl", "4%"),
    ("From 1 July the state pension will rise by 4.1%.", "en", "4.1%"),
    ("We will raise spending to 3% of GDP, in line with our commitments.", "en", "3%"),
])
def test_an_announced_rate_or_target_is_a_plan(pipeline, text, lang, excerpt):
    assert _stat(pipeline, text, lang) == [(excerpt, "info", "plan")]
