"""The legal checker on indirect wording: threats in euphemism, exclusion and vermin metaphors aimed at a group,
defamation in paraphrase, mocking metaphors at a person. Each FIRES case names the rule and the least severity
it must reach; each QUIET case is a near miss (policy criticism, the same idiom said harmlessly) that must stay
below medium. Sentences written for these tests."""

from __future__ import annotations

import pytest

from conftest import assert_fires_at_least, assert_quiet

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
    # -- 2. exclusion, blanket blame and vermin metaphors at a group (or at "them" after it)
    ("Immigrants are flooding our towns. Send them all back.", "en", "LEGAL-GROUP", "blocker"),
    ("Asielzoekers wonen al jaren hier. Stuur ze allemaal terug.", "nl", "LEGAL-GROUP", "blocker"),
    ("Stuur alle asielzoekers terug.", "nl", "LEGAL-GROUP", "blocker"),
    ("Muslims should go back to where they came from.", "en", "LEGAL-GROUP", "blocker"),
    ("Poles, go back to where you came from.", "en", "LEGAL-GROUP", "blocker"),
    ("Asielzoekers hebben hier niks te zoeken.", "nl", "LEGAL-GROUP", "blocker"),
    ("Marokkanen brengen alleen criminaliteit.", "nl", "LEGAL-GROUP", "blocker"),
    ("Migrants only bring crime.", "en", "LEGAL-GROUP", "blocker"),
    ("Die asielzoekers zijn net sprinkhanen.", "nl", "LEGAL-GROUP", "blocker"),
    ("Migrants are like locusts.", "en", "LEGAL-GROUP", "blocker"),
    ("Muslims are not compatible with British values.", "en", "LEGAL-GROUP", "blocker"),
    ("Moslims passen niet bij onze waarden.", "nl", "LEGAL-GROUP", "blocker"),
    # -- 3. defamation in paraphrase at a named person: a crime pinned on them (hedged: medium)
    ("Wethouder Kok steekt gemeenschapsgeld in eigen zak.", "nl", "LEGAL-ACCUSATION", "blocker"),
    ("Councillor Hill lines his own pockets with taxpayers' money.", "en", "LEGAL-ACCUSATION", "blocker"),
    ("Wethouder Kok heeft de kas geplunderd.", "nl", "LEGAL-ACCUSATION", "blocker"),
    ("De burgemeester graait in de gemeentekas.", "nl", "LEGAL-ACCUSATION", "blocker"),
    ("Penningmeester Jansen heeft zijn hand in de kas gestoken.", "nl", "LEGAL-ACCUSATION", "blocker"),
    ("Councillor Hill helped himself to council funds.", "en", "LEGAL-ACCUSATION", "blocker"),
    ("Councillor Hill was caught with his hand in the till.", "en", "LEGAL-ACCUSATION", "blocker"),
    ("Wethouder Kok zou gemeenschapsgeld in eigen zak hebben gestoken.", "nl", "LEGAL-ACCUSATION", "medium"),
    ("Councillor Hill allegedly lined his own pockets.", "en", "LEGAL-ACCUSATION", "medium"),
    # -- 4. mocking metaphors at a person: an insult (high at a named person or office holder)
    ("Councillor Hill has a brain the size of a pea.", "en", "LEGAL-INSULT", "high"),
    ("The mayor is as useful as a chocolate teapot.", "en", "LEGAL-INSULT", "high"),
    ("@hill you have the brain of a goldfish.", "en", "LEGAL-INSULT", "high"),
    ("Councillor Hill is as thick as two short planks.", "en", "LEGAL-INSULT", "high"),
    ("Wethouder Kok heeft de hersens van een goudvis.", "nl", "LEGAL-INSULT", "high"),
    ("De minister heeft het IQ van een theelepel.", "nl", "LEGAL-INSULT", "high"),
    ("Die wethouder heeft het verstand van een garnaal.", "nl", "LEGAL-INSULT", "high"),
    ("Hij heeft een IQ van een theelepel.", "nl", "LEGAL-INSULT", "medium"),
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
    # office holders who act, not suffer; a vigil with torches; the idiom that says what awaits
    ("The ministers should hang their heads in shame.", "en"),
    ("The councillors must hang together or hang separately.", "en"),
    ("De wethouders moeten de vlag ophangen op Koningsdag.", "nl"),
    ("The councillors will kill this proposal tonight.", "en"),
    ("The councillors should be killed off politically at the next election.", "en"),
    ("De wethouders moeten worden weggestemd.", "nl"),
    ("No politician deserves a bullet.", "en"),
    ("Torch bearers walked past the town hall.", "en"),
    ("We lopen met fakkels naar het huis van de gevallen soldaten voor de herdenking.", "nl"),
    ("Everyone knows what's coming in the budget. Be careful with your money.", "en"),
    ("De minister weet wat hem te wachten staat in het debat. Wees voorzichtig met conclusies.", "nl"),
    ("He knows what's coming to him at the ballot box. Watch your step, Labour.", "en"),
    ("Als je dit doorzet, weet je wat je te wachten staat: een motie van wantrouwen.", "nl"),
    # -- 2. migration policy, logistics, and the same words with no group
    ("We want fewer asylum seekers.", "en"),
    ("Het asielbeleid moet strenger.", "nl"),
    ("We willen minder asielzoekers en een strenger asielbeleid.", "nl"),
    ("Send them all back.", "en"),
    ("Send them a letter about the bus cuts.", "en"),
    ("Back to basics: fix the potholes.", "en"),
    ("Ga terug naar af.", "nl"),
    ("De sprinkhaanplaag in Afrika bedreigt de oogst.", "nl"),
    ("Locusts are destroying crops in East Africa.", "en"),
    ("Vluchtelingen uit Oost-Afrika vluchten voor droogte en sprinkhanen.", "nl"),
    ("The council wants to send the refugees back to the hotel for the night.", "en"),
    ("Asylum seekers arrived last week. We will send them all back to school in September.", "en"),
    ("Refugees are welcome here. Send them all a welcome pack.", "en"),
    ("We will never send them all back.", "en"),
    ("Stuur de asielzoekers terug naar het aanmeldcentrum in Ter Apel.", "nl"),
    ("Our asylum system is not compatible with British values of fairness.", "en"),
    ("Deze wet is niet verenigbaar met onze waarden.", "nl"),
    ("Statushouders hebben hier een woning gevonden.", "nl"),
    ("Migranten hebben hier niks te zoeken, zegt de PVV. Wij zijn het daar niet mee eens.", "nl"),
    ("Refugees flee a plague of violence.", "en"),
    ("Refugees are welcome. They bring nothing but hope.", "en"),
    ("Immigrants built this town. Send them all a thank-you card.", "en"),
    ("Migranten zijn geen sprinkhanen, het zijn mensen.", "nl"),
    ("Migrants are not a plague; they are our neighbours.", "en"),
    ("Vluchtelingen ontvluchten een sprinkhanenplaag in Oost-Afrika.", "nl"),
    ("Fox hunting is not compatible with British values.", "en"),
    ("We condemn anyone who says migrants only bring crime.", "en"),
    # -- 3. the same words said of a plan, a party's spending, burglars, or the voter's own pocket
    ("Het kabinet plundert de pensioenpot met dit plan.", "nl"),
    ("Dit plan plundert de gemeentekas.", "nl"),
    ("De coalitie plundert de gemeentekas voor prestigeprojecten.", "nl"),
    ("The cuts raid the council coffers to pay for tax breaks.", "en"),
    ("De inbrekers hebben de kas geplunderd.", "nl"),
    ("Wethouder Kok heeft de kas niet geplunderd, zegt de accountant.", "nl"),
    ("Met ons plan houdt u meer geld in eigen zak.", "nl"),
    ("The council dipped into its reserves to fund the pool.", "en"),
    # -- 4. the metaphors said of a plan, or of real goldfish and peas
    ("This plan is a chocolate teapot.", "en"),
    ("The bus plan is as useful as a chocolate teapot.", "en"),
    ("The minister's plan is as useful as a chocolate teapot.", "en"),
    ("Dit plan heeft het verstand van een garnaal.", "nl"),
    ("Goldfish have a memory of a few months, not seconds.", "en"),
    ("Een goudvis heeft hersens van een paar milligram.", "nl"),
    ("Het plan van wethouder Kok heeft het IQ van een theelepel.", "nl"),
    ("Councillor Hill's plan is as useful as a chocolate teapot.", "en"),
    ("The minister has a brain the size of a planet.", "en"),
    ("De minister heeft het geheugen van een olifant.", "nl"),
    ("De penningmeester heeft de kas geteld.", "nl"),
    ("The treasurer helped himself to a second slice of cake.", "en"),
    ("Wethouder Kok steekt veel tijd in eigen projecten.", "nl"),
]


@pytest.mark.parametrize("text,lang,rule_id,severity", FIRES)
def test_fires(pipeline, text, lang, rule_id, severity):
    assert_fires_at_least(pipeline.check(text, lang=lang), text, rule_id, severity)


@pytest.mark.parametrize("text,lang", QUIET)
def test_quiet(pipeline, text, lang):
    assert_quiet(pipeline.check(text, lang=lang), text, "legal")
