"""The legal checker on new wording: the mechanisms, not the phrases. Pejorative nouns for people said of a
protected group (as a predicate, in apposition, through a pronoun or demonstrative), insults built as a person +
copula + insult, threats in other verb frames; each with QUIET near misses: a plan, policy, decision or party as
the subject, a negation ("X is geen ..."), reported speech, a question answered no. Sentences written for these
tests (none copied from an evaluation set). FIRES names the rule and the least severity it must reach; QUIET stays
below medium."""

from __future__ import annotations

import pytest

from conftest import assert_fires_at_least, assert_quiet

# (text, lang, rule id, minimum severity)
FIRES = [
    # -- 1. pejorative nouns for people (params.epithets) said of a protected group
    ("Vluchtelingen zijn gelukzoekers.", "nl", "LEGAL-GROUP", "blocker"),
    ("Moslims zijn indringers in dit land.", "nl", "LEGAL-GROUP", "blocker"),
    ("Migrants are invaders.", "en", "LEGAL-GROUP", "blocker"),
    ("Immigrants are nothing but invaders.", "en", "LEGAL-GROUP", "blocker"),
    ("Those Muslim invaders must go.", "en", "LEGAL-GROUP", "blocker"),
    ("Migrants are an invasion.", "en", "LEGAL-GROUP", "blocker"),
    ("Asylum seekers are benefit scroungers.", "en", "LEGAL-GROUP", "blocker"),
    # in apposition: a colon, dash or question mark sets the epithet after the group
    ("Migranten: ongedierte.", "nl", "LEGAL-GROUP", "blocker"),
    ("Asielzoekers? Gelukzoekers, stuk voor stuk.", "nl", "LEGAL-GROUP", "blocker"),
    ("Refugees — parasites, the lot of them.", "en", "LEGAL-GROUP", "blocker"),
    # a pronoun after a clause break in the same sentence, a demonstrative in the next sentence or clause
    ("De vluchtelingen zijn hier niet om te werken, ze zijn parasieten.", "nl", "LEGAL-GROUP", "blocker"),
    ("Refugees say they want safety, but they are freeloaders.", "en", "LEGAL-GROUP", "blocker"),
    ("Die asielzoekers komen hier alleen voor het geld. Het zijn gelukzoekers.", "nl", "LEGAL-GROUP", "blocker"),
    ("Die Polen komen hier voor de uitkering, het zijn allemaal profiteurs.", "nl", "LEGAL-GROUP", "blocker"),
    ("Look at the migrants in our town. Those are parasites.", "en", "LEGAL-GROUP", "blocker"),
    # a Dutch clause that closes with its verb, "jullie"/"hen" after the group, a contempt affirmed by "niets dan"
    ("Iedereen weet dat asielzoekers gewoon profiteurs zijn.", "nl", "LEGAL-GROUP", "blocker"),
    ("Die Roemenen komen hier wonen. Jullie zijn verachtelijk.", "nl", "LEGAL-GROUP", "blocker"),
    ("Ik voel niets dan minachting voor Surinamers.", "nl", "LEGAL-GROUP", "blocker"),
    ("Een zwarte vrouw is niets waard.", "nl", "LEGAL-GROUP", "blocker"),
    # feelings of disgust the group is said to cause; a quality after "om ... te zijn"
    ("Moslims maken me ziek.", "nl", "LEGAL-GROUP", "blocker"),
    ("Immigrants make me sick.", "en", "LEGAL-GROUP", "blocker"),
    ("Transgenders zijn gewoon zo misselijkmakend.", "nl", "LEGAL-GROUP", "blocker"),
    ("Het zit in de aard van Marokkanen om onbeschaafd te zijn.", "nl", "LEGAL-GROUP", "blocker"),
    # invasion and swarm metaphors wrapped round the group (params.frames)
    ("We must stop the Muslim invasion.", "en", "LEGAL-GROUP", "blocker"),
    ("Hordes of migrants are coming.", "en", "LEGAL-GROUP", "blocker"),
    ("Een invasie van asielzoekers overspoelt ons dorp.", "nl", "LEGAL-GROUP", "blocker"),
    ("Women belong in the kitchen.", "en", "LEGAL-GROUP", "blocker"),
    # a question that is not answered no stays a question
    ("Stuur alle vluchtelingen terug? Ja!", "nl", "LEGAL-GROUP", "high"),
    # -- 2. the insult structure: person or pronoun + copula + insulting adjective (params.adjectives), ending the
    # clause or before a plain noun for a person (params.person_nouns)
    ("Burgemeester Kok is dom.", "nl", "LEGAL-INSULT", "high"),
    ("Wethouder De Vries is een gluiperige vrouw.", "nl", "LEGAL-INSULT", "high"),
    ("Minister Faber is een zielige vrouw.", "nl", "LEGAL-INSULT", "high"),
    ("@jansen je bent zo dom.", "nl", "LEGAL-INSULT", "high"),
    ("De burgemeester is echt ontzettend gluiperig.", "nl", "LEGAL-INSULT", "high"),
    ("Councillor Hill is a pathetic little man.", "en", "LEGAL-INSULT", "high"),
    ("Mayor Brown is brainless.", "en", "LEGAL-INSULT", "high"),
    ("The mayor is utterly gormless.", "en", "LEGAL-INSULT", "high"),
    ("She's a despicable woman.", "en", "LEGAL-INSULT", "medium"),
    # Dutch inverted order behind a fronted word
    ("Wat is die wethouder dom!", "nl", "LEGAL-INSULT", "high"),
    ("Eerlijk gezegd is de burgemeester gewoon een prutser.", "nl", "LEGAL-INSULT", "high"),
    ("Wat ben jij een onbenul.", "nl", "LEGAL-INSULT", "medium"),
    # nouns that insult once said of someone (params.insult_nouns), up to two adjectives before them
    ("Wethouder Kok is een nietsnut.", "nl", "LEGAL-INSULT", "high"),
    ("De minister is een ongelooflijke prutser.", "nl", "LEGAL-INSULT", "high"),
    ("Mayor Brown is a spineless worm.", "en", "LEGAL-INSULT", "high"),
    ("The councillor is a complete cretin.", "en", "LEGAL-INSULT", "high"),
    ("@smith you are so damned unattractive.", "en", "LEGAL-INSULT", "high"),
    ("De minister heeft de hersens van een goudvis.", "nl", "LEGAL-INSULT", "high"),
    ("The mayor has the memory of a goldfish.", "en", "LEGAL-INSULT", "high"),
    # -- 3. threats in other verb frames: a separable verb with speaker and victim, bodily harm, "to death", a
    # bullet, a life to pay with; a hedge word in a call to violence lowers nothing
    ("Ik steek je neer.", "nl", "LEGAL-THREAT", "blocker"),
    ("Ik sla je verrot, @jansen.", "nl", "LEGAL-THREAT", "blocker"),
    ("We slaan hem in elkaar als hij komt.", "nl", "LEGAL-THREAT", "blocker"),
    ("Ik breek je benen.", "nl", "LEGAL-THREAT", "blocker"),
    ("I'll break your legs.", "en", "LEGAL-THREAT", "blocker"),
    ("I'm going to smash his face in.", "en", "LEGAL-THREAT", "blocker"),
    ("I will end you, @smith.", "en", "LEGAL-THREAT", "blocker"),
    ("I'm going to beat the councillor to death.", "en", "LEGAL-THREAT", "blocker"),
    ("Someone ought to put a bullet in the mayor.", "en", "LEGAL-THREAT", "blocker"),
    ("Die minister verdient een kogel door zijn kop.", "nl", "LEGAL-THREAT", "blocker"),
    ("You will pay for this with your life.", "en", "LEGAL-THREAT", "blocker"),
    ("Dat ga je met je leven bekopen, wethouder.", "nl", "LEGAL-THREAT", "blocker"),
    ("Iemand zou de burgemeester eens moeten neerschieten.", "nl", "LEGAL-THREAT", "blocker"),
    ("Moeten we de burgemeester ophangen?", "nl", "LEGAL-THREAT", "high"),
    ("Ik ga de nek van die wethouder omdraaien.", "nl", "LEGAL-THREAT", "blocker"),
    ("We should slit the throats of those councillors.", "en", "LEGAL-THREAT", "blocker"),
    ("Ik ga je pijn doen.", "nl", "LEGAL-THREAT", "blocker"),
    ("Het wordt tijd om die asielzoekers af te slachten.", "nl", "LEGAL-THREAT", "blocker"),
    ("Ik zou die Polen graag zien lijden.", "nl", "LEGAL-THREAT", "blocker"),
]

QUIET = [
    # -- 1. the same nouns with no protected group, negated, reported or rejected
    ("Vluchtelingen zijn geen gelukzoekers.", "nl"),
    ("Refugees are not parasites.", "en"),
    ("Migranten zijn geen indringers, het zijn buren.", "nl"),
    ("It is wrong to call refugees invaders.", "en"),
    ("Het kabinet noemt vluchtelingen ten onrechte gelukzoekers.", "nl"),
    ("Wie vluchtelingen gelukzoekers noemt, liegt.", "nl"),
    ("Projectontwikkelaars zijn profiteurs.", "nl"),
    ("Banken zijn parasieten.", "nl"),
    ("Parasites in the water supply are a health risk.", "en"),
    ("Vluchtelingen worden uitgebuit door smokkelaars. Het zijn slachtoffers.", "nl"),
    ("Refugees arrived last night. Those are the facts.", "en"),
    ("Asielzoekers wachten lang op een woning. Het zijn gevaarlijke tijden.", "nl"),
    ("Migranten: welkom in onze stad.", "nl"),
    ("Vluchtelingen zijn niet gevaarlijk, ze zijn welkom.", "nl"),
    # an invasion, a plague or parasites the group flees; an influx; tourists
    ("Refugees are fleeing parasites and disease in the camps.", "en"),
    ("Refugees are fleeing a plague of violence.", "en"),
    ("The invasion of Ukraine forced refugees to flee.", "en"),
    ("The invasion of Iraq sent refugees to Europe.", "en"),
    ("An influx of refugees arrived this summer.", "en"),
    ("Hordes of tourists fill the city centre.", "en"),
    ("De invasie van Oekraïne dreef vluchtelingen naar Nederland.", "nl"),
    ("Migranten vluchten voor de invasie van Rusland.", "nl"),
    ("Rejected asylum seekers should be sent back.", "en"),
    # a relative clause picks some out; contempt denied; a belief denied; a claim written by others
    ("Vrouwen die ziek zijn, krijgen voorrang bij de huisarts.", "nl"),
    ("Vluchtelingen die gevaarlijk zijn, worden uitgezet, zegt de minister.", "nl"),
    ("Ik heb geen enkele minachting voor moslims.", "nl"),
    ("Je kan toch niet echt geloven dat alle Polen dronkaards zijn.", "nl"),
    ("Schrijven dat Marokkanen criminelen zijn, zegt vooral iets over jou.", "nl"),
    ("I don't believe that immigrants are criminals.", "en"),
    ("Het lint van het nieuwe gemeentehuis doorsnijden is een eer.", "nl"),
    ("De wethouder gaat de nek uitsteken voor de bibliotheek.", "nl"),
    # -- 2. a rhetorical question answered no right after it
    ("Stuur alle vluchtelingen terug? Nee, wij kiezen voor een menswaardig asielbeleid.", "nl"),
    ("Send all the refugees back? Of course not.", "en"),
    ("Send them all back? No. We choose a fair asylum system.", "en"),
    ("Zijn asielzoekers gelukzoekers? Nee.", "nl"),
    ("Are immigrants criminals? No, and the figures show it.", "en"),
    # -- 3. the insult structure said of a plan or decision, negated, of health or the weather, or reported
    ("The minister's plan is stupid.", "en"),
    ("The minister's decision was dumb.", "en"),
    ("The minister's idea is dumb.", "en"),
    ("Het besluit van de minister is achterlijk.", "nl"),
    ("Het idee van de wethouder is dom.", "nl"),
    ("This policy is stupid.", "en"),
    ("Minister Jansen is niet dom.", "nl"),
    ("Wethouder Kok is geen domme vrouw.", "nl"),
    ("The mayor is not stupid.", "en"),
    ("De minister is dom bezig met dit dossier.", "nl"),
    ("Minister Faber is een sterke vrouw.", "nl"),
    ("Is de minister dom? Nee, hij is slim en dit plan is slecht.", "nl"),
    ("Gisteren was de burgemeester ziek.", "nl"),
    ("Daarom is het plan van de minister dom.", "nl"),
    ("Nu is de minister niet dom.", "nl"),
    ("Volgens de oppositie is de minister dom.", "nl"),
    ("De minister is laf in dit dossier.", "nl"),
    ("Die wethouder is echt vet.", "nl"),
    ("The minister is spineless on housing.", "en"),
    ("The mayor is a strong woman.", "en"),
    ("De burgemeester is ziek.", "nl"),
    ("De minister is vies van de regen.", "nl"),
    ("The minister is fat on promises.", "en"),
    ("\"De burgemeester is dom,\" zei een inwoner.", "nl"),
    ("Jij bent een waardeloze bestuurder als het om wonen gaat, zegt de oppositie.", "nl"),
    ("Dit kabinet is incompetent in woonbeleid.", "nl"),
    ("The Tories are clueless on housing.", "en"),
    ("Hij is geen onbenul.", "nl"),
    ("De minister is geen prutser, maar dit plan deugt niet.", "nl"),
    ("The mayor is not a charlatan.", "en"),
    ("There is a worm in the apple, the mayor said.", "en"),
    ("The mayor is a worm farmer.", "en"),
    ("De wethouder is een slak aan het zoeken in de tuin.", "nl"),
    ("The minister is a lightweight champion boxer.", "en"),
    ("Het plan van de minister is een prutswerk.", "nl"),
    # mocking metaphors read literally: a brain studied, not had
    ("De wethouder heeft de hersens van een goudvis onderzocht.", "nl"),
    ("Biologen hebben de hersens van een goudvis onderzocht.", "nl"),
    ("The councillor studied the brain of a goldfish at university.", "en"),
    # -- 4. the verb frames in politics, sport and reports
    ("Ik sla je boek open op pagina 3.", "nl"),
    ("Ik steek je een hart onder de riem.", "nl"),
    ("Ik schiet je zo een berichtje.", "nl"),
    ("We slaan ze in het debat.", "nl"),
    ("We gaan hun monopolie breken.", "nl"),
    ("We'll beat them at the ballot box.", "en"),
    ("We will end them at the polls.", "en"),
    ("We'll break their grip on the council.", "en"),
    ("I'll break your fall.", "en"),
    ("He was beaten to death in 1998, the court heard.", "en"),
    ("He paid with his life for his courage.", "en"),
    ("Zij betaalde met haar leven voor de vrijheid.", "nl"),
    ("Als dat bij corona zou gebeuren, vallen er meer doden dan bij de griep.", "nl"),
    ("Het aantal doden in het verkeer daalt.", "nl"),
    ("Wij gaan dit plan kapotmaken in de raad.", "nl"),
    ("Het wordt tijd om het oude plan af te schieten.", "nl"),
    ("Het is tijd om de vlag op te hangen.", "nl"),
    ("We gaan de posters op te hangen in het azc.", "nl"),
    ("Het wordt tijd om die wethouder weg te stemmen.", "nl"),
    ("Ik wil zien hoe de patiënten lijden onder de bezuinigingen.", "nl"),
    ("Dit beleid maakt me ziek.", "nl"),
    ("Het is belangrijk om vluchtelingen te helpen om zelfstandig te zijn.", "nl"),
    ("We will kill this bill in committee.", "en"),
    # a question answered no right after it
    ("Moeten we de burgemeester ophangen? Nee, natuurlijk niet.", "nl"),
    ("Is de wethouder corrupt? Nee, dat blijkt uit het onderzoek.", "nl"),
    ("Is Councillor Hill a liar? No.", "en"),
    # -- 5. political posts about groups that use the same words to defend them, quote others or state facts
    ("De PVV noemt asielzoekers gelukzoekers. Dat is een schande.", "nl"),
    ("Asielzoekers zijn geen profiteurs: de meesten werken binnen een jaar.", "nl"),
    ("Wij zeggen: vluchtelingen zijn welkom. Het zijn mensen zoals jij en ik.", "nl"),
    ("Migranten betalen belasting, en ze zijn onmisbaar in de zorg.", "nl"),
    ("Moslims vieren het Suikerfeest. Het zijn onze buren.", "nl"),
    ("Polen werken in de kassen. Het zijn harde werkers.", "nl"),
    ("Migranten worden uitgebuit; het zijn slachtoffers van mensenhandel.", "nl"),
    ("Vluchtelingen zijn niet gevaarlijk. Ze zijn bang.", "nl"),
    ("Refugees are not invaders; they are people fleeing war.", "en"),
    ("Calling migrants parasites is dehumanising and wrong.", "en"),
    ("The minister called refugees an invasion. We reject that language.", "en"),
    ("Gay couples can marry here. Those are the rules.", "en"),
    ("Stop de invasie van bureaucratie in het onderwijs.", "nl"),
    ("Een plaag van ratten in de wijk: de gemeente grijpt in.", "nl"),
    ("Moeten alle asielzoekers terug? Nee. Wie vervolgd wordt, krijgt bescherming.", "nl"),
    # -- 6. sharp criticism of office holders and parties
    ("De minister is een slechte onderhandelaar.", "nl"),
    ("Minister Jansen is een ramp voor het onderwijs.", "nl"),
    ("The Home Secretary is a disaster on immigration.", "en"),
    ("The mayor is wrong, and her plan is stupid.", "en"),
    ("The Tories are a shambles.", "en"),
    ("We will fight them at the ballot box and we will beat them.", "en"),
    ("We gaan de PVV verslaan in maart.", "nl"),
    # -- 7. sharp criticism of policy, a party or a doctrine
    ("Dit plan is een ramp.", "nl"),
    ("The minister failed.", "en"),
    ("Islam is not compatible with a secular state, we argue.", "en"),
    ("The asylum policy is a disaster.", "en"),
    ("Het asielbeleid is een puinhoop.", "nl"),
]


@pytest.mark.parametrize("text,lang,rule_id,severity", FIRES)
def test_fires(pipeline, text, lang, rule_id, severity):
    assert_fires_at_least(pipeline.check(text, lang=lang), text, rule_id, severity)


@pytest.mark.parametrize("text,lang", QUIET)
def test_quiet(pipeline, text, lang):
    assert_quiet(pipeline.check(text, lang=lang), text, "legal")


def test_rebutted_question_is_low(pipeline):
    """A question answered no is reported low (check the answer reads as the post's own), never blocked."""
    text = "Stuur alle vluchtelingen terug? Nee, wij kiezen voor een menswaardig asielbeleid."
    got = [f for f in pipeline.check(text, lang="nl").findings if f.rule_id == "LEGAL-GROUP"]
    assert [f.severity.value for f in got] == ["low"] and got[0].details["framing"] == "rebutted"
