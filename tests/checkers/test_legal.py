"""The legal checker: accusations, insults, group insult, slurs, threats, doxing calls and election
misinformation fire on explicit cases, are lowered when hedged/attributed/asked, and stay quiet on
fair criticism of policy and on near misses."""

from __future__ import annotations

import pytest

from conftest import assert_fires, assert_quiet, assert_spans

# (text, lang, rule id, excerpt, severity)
FIRES = [
    # bribery in colloquial words, a warning at a named person, a British slur
    ("Councillor Hartley takes backhanders from every developer in town.", "en", "LEGAL-ACCUSATION", "backhanders", "blocker"),
    ("Everyone knows Mayor Fenwick is on the take.", "en", "LEGAL-ACCUSATION", "on the take", "blocker"),
    ("Wethouder Smit heeft zijn stemmen gekocht in de Bloemenbuurt.", "nl", "LEGAL-ACCUSATION", "stemmen gekocht", "blocker"),
    ("Raadslid Bakker laat zich omkopen door projectontwikkelaars.", "nl", "LEGAL-ACCUSATION", "laat zich omkopen", "blocker"),
    ("Councillor Reid had better watch his back after tonight's vote.", "en", "LEGAL-THREAT-VEILED",
     "had better watch his back", "high"),
    ("Those pikeys on the common should be moved on.", "en", "LEGAL-SLUR", "pikeys", "high"),
    # "om te" is not the OM (Openbaar Ministerie): the accusation is not attributed
    ("Jan Jansen heeft gefraudeerd om rijk te worden.", "nl", "LEGAL-ACCUSATION", "gefraudeerd", "blocker"),
    ("Waar het om gaat: de minister liegt.", "nl", "LEGAL-ACCUSATION", "liegt", "high"),
    ("Volgens het OM heeft Jansen gefraudeerd.", "nl", "LEGAL-ACCUSATION", "gefraudeerd", "low"),
    ("DENK liegt over de cijfers.", "nl", "LEGAL-ACCUSATION", "liegt", "high"),
    # "per household", "his annual report", "de bron van het geld", "het is bekend" name no source
    ("The mayor lied about the budget, costing £50 per household.", "en", "LEGAL-ACCUSATION", "lied", "high"),
    ("The mayor lied in his annual report.", "en", "LEGAL-ACCUSATION", "lied", "high"),
    ("De minister liegt over de bron van het geld.", "nl", "LEGAL-ACCUSATION", "liegt", "high"),
    ("Het is bekend dat de minister liegt.", "nl", "LEGAL-ACCUSATION", "liegt", "high"),
    ("De minister liegt, bron: de Volkskrant.", "nl", "LEGAL-ACCUSATION", "liegt", "low"),
    ("Sources say the mayor took bribes.", "en", "LEGAL-ACCUSATION", "bribes", "low"),
    # "lie to" / "lie about": the base form, asked or stated ("lie down" is not)
    ("Did the minister lie to Parliament?", "en", "LEGAL-ACCUSATION", "lie to", "medium"),
    ("The mayor did lie to us.", "en", "LEGAL-ACCUSATION", "lie to", "high"),
    # private wrongdoing pinned on an official (infidelity, drunk driving), and hearsay as a hedge
    ("Wethouder Jansen heeft een affaire met zijn secretaresse.", "nl", "LEGAL-ACCUSATION", "een affaire met", "high"),
    ("The mayor is cheating on his wife.", "en", "LEGAL-ACCUSATION", "cheating on his wife", "high"),
    ("Ik hoor dat de wethouder vreemdgaat.", "nl", "LEGAL-ACCUSATION", "vreemdgaat", "medium"),
    ("Rumour has it the mayor took bribes.", "en", "LEGAL-ACCUSATION", "bribes", "medium"),
    # teaching one person "a lesson" is a veiled threat; teaching a party one at the ballot box is politics
    ("Iemand moet hem een lesje leren.", "nl", "LEGAL-THREAT-VEILED", "Iemand moet hem een lesje leren", "high"),
    ("Someone should teach him a lesson.", "en", "LEGAL-THREAT-VEILED", "Someone should teach him a lesson", "high"),
    # a condition is a hedge; more offices are one person
    ("If the mayor lied, she must go.", "en", "LEGAL-ACCUSATION", "lied", "medium"),
    ("Indien de wethouder heeft gelogen, moet hij weg.", "nl", "LEGAL-ACCUSATION", "gelogen", "medium"),
    ("The council leader is an idiot.", "en", "LEGAL-INSULT", "idiot", "high"),
    ("De lijsttrekker is een klootzak.", "nl", "LEGAL-INSULT", "klootzak", "high"),
    # death, disease and hell wished on someone
    ("Ik hoop dat de burgemeester doodgaat.", "nl", "LEGAL-THREAT", "doodgaat", "blocker"),
    ("I hope the mayor dies.", "en", "LEGAL-THREAT", "dies", "blocker"),
    ("Die minister mag van mij doodvallen.", "nl", "LEGAL-THREAT", "doodvallen", "blocker"),
    ("Immigranten verdienen om te sterven.", "nl", "LEGAL-THREAT", "sterven", "blocker"),
    ("Ik hoop dat de wethouder kanker krijgt.", "nl", "LEGAL-INSULT", "hoop dat de wethouder kanker krijgt", "high"),
    ("I hope the mayor gets cancer.", "en", "LEGAL-INSULT", "hope the mayor gets cancer", "high"),
    ("De minister moet branden in de hel.", "nl", "LEGAL-INSULT", "moet branden in de hel", "high"),
    # ... unless the question pins it on someone ("de fraude van minister Jansen", "his fraud", "guilty of")
    ("Kamervragen over de fraude van minister Jansen.", "nl", "LEGAL-ACCUSATION", "fraude", "blocker"),
    ("We want answers about the fraud of the mayor.", "en", "LEGAL-ACCUSATION", "fraud", "blocker"),
    ("De minister moet uitleg geven over zijn fraude.", "nl", "LEGAL-ACCUSATION", "fraude", "blocker"),
    ("The investigation found the mayor guilty of fraud.", "en", "LEGAL-ACCUSATION", "fraud", "blocker"),
    # said of a plan or policy: criticism of policy, lowered to medium (framing "policy")
    ("Het beleid van wethouder Bakker is corrupt.", "nl", "LEGAL-ACCUSATION", "corrupt", "medium"),
    ("The prime minister's housing plan is a disgrace and a fraud on voters.", "en", "LEGAL-ACCUSATION", "fraud", "medium"),
    # ... but not when the person is the subject, or the plan only introduces what the person did
    ("Minister Jansen is corrupt, net als zijn plan.", "nl", "LEGAL-ACCUSATION", "corrupt", "blocker"),
    ("Het beleid is dat de minister liegt.", "nl", "LEGAL-ACCUSATION", "liegt", "high"),
    ("The mayor's deal with developers is corrupt.", "en", "LEGAL-ACCUSATION", "corrupt", "blocker"),
    ("Jan Jansen heeft gefraudeerd met subsidies.", "nl", "LEGAL-ACCUSATION", "gefraudeerd", "blocker"),
    ("@wethouderpiet is een dief.", "nl", "LEGAL-ACCUSATION", "dief", "blocker"),
    ("De minister liegt over de toeslagen.", "nl", "LEGAL-ACCUSATION", "liegt", "high"),
    ("Rutte heeft gelogen over de toeslagen.", "nl", "LEGAL-ACCUSATION", "gelogen", "high"),
    ("Deze partij liegt keihard.", "nl", "LEGAL-ACCUSATION", "liegt", "high"),
    ("John Smith stole money from the food bank.", "en", "LEGAL-ACCUSATION", "stole", "blocker"),
    ("The mayor lied about the budget.", "en", "LEGAL-ACCUSATION", "lied", "high"),
    # an office without an article: headline-style, before an initial, or with a demonstrative/possessive
    ("Burgemeester liegt over de kosten.", "nl", "LEGAL-ACCUSATION", "liegt", "high"),
    ("Minister Z heeft gelogen.", "nl", "LEGAL-ACCUSATION", "gelogen", "high"),
    ("Onze wethouder liegt.", "nl", "LEGAL-ACCUSATION", "liegt", "high"),
    ("Mayor lies about budget.", "en", "LEGAL-ACCUSATION", "lies", "high"),
    ("Senator J. lied about it.", "en", "LEGAL-ACCUSATION", "lied", "high"),
    # one person by their office ("de burgemeester", "the mayor") is a person: insult high, crime as fact blocker
    ("De burgemeester is een klootzak.", "nl", "LEGAL-INSULT", "klootzak", "high"),
    ("The mayor is an idiot.", "en", "LEGAL-INSULT", "idiot", "high"),
    ("De burgemeester heeft gefraudeerd.", "nl", "LEGAL-ACCUSATION", "gefraudeerd", "blocker"),
    ("De minister moet dood.", "nl", "LEGAL-THREAT", "dood", "blocker"),
    ("Het kabinet is een stelletje idioten.", "nl", "LEGAL-INSULT", "idioten", "medium"),
    # a crime someone committed stays an accusation, even next to fighting words
    ("Jansen pleegde fraude en moet worden aangepakt.", "nl", "LEGAL-ACCUSATION", "fraude", "high"),
    ("Pas op, de wethouder is een oplichter.", "nl", "LEGAL-ACCUSATION", "oplichter", "blocker"),
    ("Jullie zijn allemaal dieven!", "nl", "LEGAL-ACCUSATION", "dieven", "high"),
    ("Those crooks in the council stole our money.", "en", "LEGAL-ACCUSATION", "crooks", "high"),
    # hedged, asked, attributed: lower, and the message says why
    ("Jan Jansen heeft mogelijk gefraudeerd.", "nl", "LEGAL-ACCUSATION", "gefraudeerd", "medium"),
    ("Heeft Jan Jansen gefraudeerd?", "nl", "LEGAL-ACCUSATION", "gefraudeerd", "medium"),
    ("Is de burgemeester corrupt?", "nl", "LEGAL-ACCUSATION", "corrupt", "medium"),
    ("Volgens het OM heeft Jan Jansen gefraudeerd.", "nl", "LEGAL-ACCUSATION", "gefraudeerd", "low"),
    ('De rechter oordeelde: "Jansen heeft gefraudeerd".', "nl", "LEGAL-ACCUSATION", "gefraudeerd", "low"),
    ("John Smith allegedly stole from the charity.", "en", "LEGAL-ACCUSATION", "stole", "medium"),
    ("According to Reuters, John Smith took bribes.", "en", "LEGAL-ACCUSATION", "bribes", "low"),
    ("The court found that John Smith committed fraud.", "en", "LEGAL-ACCUSATION", "fraud", "low"),
    # insults
    ("@jansen je bent een idioot.", "nl", "LEGAL-INSULT", "idioot", "high"),
    ("Wethouder Pieters is een klootzak.", "nl", "LEGAL-INSULT", "klootzak", "high"),
    ("Jij bent een sukkel.", "nl", "LEGAL-INSULT", "sukkel", "medium"),
    ("Hou je bek, wethouder.", "nl", "LEGAL-INSULT", "Hou je bek", "medium"),
    ("@smith you are such a moron.", "en", "LEGAL-INSULT", "moron", "high"),
    ("She is so pathetic.", "en", "LEGAL-INSULT", "She is so pathetic", "medium"),
    # curly apostrophes, "nothing but", "you're nobody", "what a clown!", adjective + person noun
    ("@smith He’s a disgrace to his party.", "en", "LEGAL-INSULT", "He’s a disgrace", "high"),
    ("@smith you're nobody.", "en", "LEGAL-INSULT", "you're nobody", "high"),
    ("@smith He is nothing but a clown.", "en", "LEGAL-INSULT", "clown", "high"),
    ("@smith what a clown!", "en", "LEGAL-INSULT", "what a clown", "high"),
    ("Scared, you ugly coward?", "en", "LEGAL-INSULT", "ugly coward", "medium"),
    ("@jansen wat een sukkel!", "nl", "LEGAL-INSULT", "wat een sukkel", "high"),
    # handles that close the post right after the sentence are whom it speaks of
    ("What an idiot. @JohnSmithMP", "en", "LEGAL-INSULT", "What an idiot", "high"),
    ("Wat een sukkel. @wethouderjansen", "nl", "LEGAL-INSULT", "Wat een sukkel", "high"),
    ("Die vuile leugenaar moet weg.", "nl", "LEGAL-INSULT", "vuile leugenaar", "medium"),
    ("Jij bent een huichelaar.", "nl", "LEGAL-INSULT", "Jij bent een huichelaar", "medium"),
    # group insult and incitement
    ("Asielzoekers zijn ongedierte.", "nl", "LEGAL-GROUP", "Asielzoekers zijn ongedierte", "blocker"),
    ("Ik haat homo's.", "nl", "LEGAL-GROUP", "Ik haat homo's", "blocker"),
    ("Alle moslims zijn terroristen.", "nl", "LEGAL-GROUP", "moslims zijn terroristen", "blocker"),
    ("Muslims are vermin.", "en", "LEGAL-GROUP", "Muslims are vermin", "blocker"),
    ("Why are all immigrants so lazy?", "en", "LEGAL-GROUP", "immigrants so lazy", "high"),
    # slurs
    ("Jij bent een flikker.", "nl", "LEGAL-SLUR", "flikker", "high"),
    ("Get lost, faggot.", "en", "LEGAL-SLUR", "faggot", "medium"),
    # threats, veiled threats, doxing calls
    ("Ik maak je af als je dat doet.", "nl", "LEGAL-THREAT", "Ik maak je af", "blocker"),
    ("Die vluchtelingen moeten allemaal dood.", "nl", "LEGAL-THREAT", "dood", "blocker"),
    ("I will kill you if you show up again.", "en", "LEGAL-THREAT", "I will kill you", "blocker"),
    ("Wethouder, we weten waar je woont.", "nl", "LEGAL-THREAT-VEILED", "we weten waar je woont", "high"),
    ("Pak hem aan!", "nl", "LEGAL-THREAT-VEILED", "Pak hem aan", "high"),
    ("Someone should deal with him before Tuesday.", "en", "LEGAL-THREAT-VEILED", "Someone should deal with", "high"),
    ("Stuur hem allemaal een bericht.", "nl", "LEGAL-DOX", "Stuur hem allemaal", "high"),
    ("Her home address is on the flyer, go tell her.", "en", "LEGAL-DOX", "Her home address is", "high"),
    # an imperative is a call to violence ("Maak die wethouder af"); a name, a building or "the traitors" its object
    ("Maak die wethouder af.", "nl", "LEGAL-THREAT", "Maak die wethouder af", "blocker"),
    ("Schiet die wethouder overhoop.", "nl", "LEGAL-THREAT", "Schiet die wethouder overhoop", "blocker"),
    ("Hang ze allemaal op.", "nl", "LEGAL-THREAT", "Hang ze allemaal op", "blocker"),
    ("Steek het gemeentehuis in de fik!", "nl", "LEGAL-THREAT", "Steek het gemeentehuis in de fik", "blocker"),
    ("Vermoord hem!", "nl", "LEGAL-THREAT", "Vermoord", "blocker"),
    ("Hang them all.", "en", "LEGAL-THREAT", "Hang", "blocker"),
    ("Shoot that traitor Starmer.", "en", "LEGAL-THREAT", "Shoot", "blocker"),
    ("Hang the traitors in Westminster!", "en", "LEGAL-THREAT", "Hang", "blocker"),
    ("Kill all the Tories.", "en", "LEGAL-THREAT", "Kill", "blocker"),
    ("Kill the Tories.", "en", "LEGAL-THREAT", "Kill", "high"),
    ("Somebody needs to shoot Starmer.", "en", "LEGAL-THREAT", "shoot", "blocker"),
    ("Time to burn down the council offices.", "en", "LEGAL-THREAT", "burn down", "blocker"),
    ("Let's burn down the town hall.", "en", "LEGAL-THREAT", "burn down", "blocker"),
    # going to someone's home; asking someone else to teach a person a lesson
    ("Wethouder Smit, wij komen je vanavond thuis opzoeken.", "nl", "LEGAL-DOX", "wij komen je vanavond thuis opzoeken", "high"),
    ("Laten we vanavond allemaal naar het huis van wethouder Smit gaan.", "nl", "LEGAL-DOX",
     "Laten we vanavond allemaal naar het huis van", "high"),
    ("Let's all go to Councillor Hill's house tonight.", "en", "LEGAL-DOX", "Let's all go to Councillor Hill's house", "high"),
    ("Someone should teach that councillor a lesson.", "en", "LEGAL-THREAT-VEILED",
     "Someone should teach that councillor a lesson", "high"),
    # labels and insults said of one person
    ("Geert Wilders is een racist.", "nl", "LEGAL-INSULT", "racist", "high"),
    ("Nigel Farage is a fascist.", "en", "LEGAL-INSULT", "is a fascist", "high"),
    ("Angela Rayner is a thick cow.", "en", "LEGAL-INSULT", "is a thick cow", "high"),
    ("The mayor is stupid.", "en", "LEGAL-INSULT", "is stupid", "high"),
    ("Local thug Danny Evans has been terrorising the estate.", "en", "LEGAL-INSULT", "thug", "high"),
    ("Wethouder Mulder is een stuk tuig.", "nl", "LEGAL-INSULT", "stuk tuig", "high"),
    ("Minister Faber is gestoord.", "nl", "LEGAL-INSULT", "is gestoord", "high"),
    ("Burgemeester Halsema is een volksverrader.", "nl", "LEGAL-INSULT", "volksverrader", "high"),
    ("Die kutwethouder Bakker moet oprotten.", "nl", "LEGAL-INSULT", "oprotten", "high"),
    ("Die sukkel van een wethouder snapt er niks van.", "nl", "LEGAL-INSULT", "Die sukkel van een wethouder", "high"),
    # a protected trait given as the reason someone is unfit
    ("Raadslid Yilmaz is moslim en hoort daarom niet over ons onderwijs te beslissen.", "nl", "LEGAL-DISQUALIFY",
     "is moslim en hoort daarom niet", "high"),
    ("Councillor Ali is a Muslim, so he cannot be trusted on schools.", "en", "LEGAL-DISQUALIFY",
     "is a Muslim, so he cannot be trusted", "high"),
    ("She is a Muslim, so she should not be our mayor.", "en", "LEGAL-DISQUALIFY",
     "is a Muslim, so she should not be our mayor", "high"),
    # second acceptance round: group slurs beyond the word lists, more ways to go to someone's home, threats
    ("Polen pikken onze banen en zijn allemaal dronkaards.", "nl", "LEGAL-GROUP", "Polen pikken onze banen en zijn allemaal dronkaards", "blocker"),
    ("Vrouwen zijn te emotioneel om burgemeester te zijn.", "nl", "LEGAL-GROUP", "Vrouwen zijn te emotioneel", "blocker"),
    ("Gay men are perverts.", "en", "LEGAL-GROUP", "Gay men are perverts", "blocker"),
    ("Disabled people are a drain on this country.", "en", "LEGAL-GROUP", "Disabled people are a drain on", "blocker"),
    ("Zaterdag gaan we met z'n allen naar het huis van minister Kok.", "nl", "LEGAL-DOX",
     "gaan we met z'n allen naar het huis van", "high"),
    ("Laten we wethouder Baker eens thuis opzoeken.", "nl", "LEGAL-DOX", "wethouder Baker eens thuis opzoeken", "high"),
    ("We should pay Councillor Baker a visit at home.", "en", "LEGAL-DOX", "pay Councillor Baker a visit at home", "high"),
    ("Protest outside the councillor's home tonight!", "en", "LEGAL-DOX", "Protest outside the councillor's home", "high"),
    ("Kill ze allemaal, die linkse ratten in de raad.", "nl", "LEGAL-THREAT", "Kill", "blocker"),
    ("We'll string him up outside the town hall.", "en", "LEGAL-THREAT", "string him up", "blocker"),
    ("Councillor Ahmed rigged the housing allocations.", "en", "LEGAL-ACCUSATION", "rigged", "high"),
    ("The CPS has charged former councillor Ian Rowe with fraud.", "en", "LEGAL-ACCUSATION", "fraud", "low"),
    # third acceptance round: a history word is still an insult when said of a person; a short subject stays the target
    ("Councillor Jones is a Nazi sympathiser.", "en", "LEGAL-INSULT", "Nazi", "high"),
    ("Mayor Hill, you Nazi.", "en", "LEGAL-INSULT", "Nazi", "high"),
    ("Rutte and his friends are criminal.", "en", "LEGAL-ACCUSATION", "criminal", "high"),
    ("Rutte is crimineel.", "nl", "LEGAL-ACCUSATION", "crimineel", "high"),
    # veiled threats beyond the fixed phrases; with a warning or a second threat in the post they block
    ("Cllr Okafor should be very careful when cycling home after the meeting.", "en",
     "LEGAL-THREAT-VEILED", "be very careful when cycling home", "high"),
    ("Would be a real pity if anything happened to your shop, Mr Ross.", "en", "LEGAL-THREAT-VEILED",
     "Would be a real pity if anything happened to", "high"),
    ("Mayor Hill, we know where you live. Watch your step.", "en", "LEGAL-THREAT-VEILED", "we know where you live", "blocker"),
    ("Councillor Ames, we know where you live. Be very careful.", "en", "LEGAL-THREAT-VEILED", "we know where you live", "blocker"),
    ("We weten waar je woont, wethouder Post. Slaap lekker.", "nl", "LEGAL-THREAT-VEILED", "We weten waar je woont", "blocker"),
    ("We weten waar je woont, burgemeester Visser. Pas maar goed op.", "nl", "LEGAL-THREAT-VEILED", "We weten waar je woont", "blocker"),
    ("Zaterdag staan we bij de voordeur van raadslid Kok. Ze zullen het voelen.", "nl",
     "LEGAL-THREAT-VEILED", "staan we bij de voordeur van raadslid", "blocker"),
    ("Zaterdag staan we bij de voordeur van raadslid Kok.", "nl", "LEGAL-THREAT-VEILED",
     "staan we bij de voordeur van raadslid", "high"),
    ("Ik wacht tot iemand raadslid Bakker een lesje leert.", "nl", "LEGAL-THREAT-VEILED",
     "iemand raadslid Bakker een lesje leert", "high"),
    ("The judges who blocked this will be dealt with permanently.", "en", "LEGAL-THREAT", "be dealt with permanently", "blocker"),
    ("Dat raadslid moet gewoon een kogel krijgen.", "nl", "LEGAL-THREAT", "een kogel krijgen", "blocker"),
    ("Die zakkenvullers knopen we op aan de lantaarnpaal.", "nl", "LEGAL-THREAT", "knopen we op aan de lantaarnpaal", "blocker"),
    # doxing without a house number: a street and an invitation to go there
    ("Fancy telling Councillor Patel what you think? He lives on Birch Road, so do drop by.", "en",
     "LEGAL-DOX", "lives on Birch Road", "high"),
    ("This is the home address of the judge in the case: 4 Oak Way.", "en", "LEGAL-DOX",
     "This is the home address of", "high"),
    ("Wethouder Jansen woont aan de Berkenlaan, ga gerust eens langs om je mening te geven.", "nl", "LEGAL-DOX",
     "woont aan de Berkenlaan", "high"),
    ("Voor wie het wil weten, het thuisadres van die gedeputeerde: Beukenlaan 2.", "nl", "LEGAL-DOX",
     "thuisadres van die gedeputeerde:", "high"),
    # group insult beyond the templates: a verb right after the group, more group nouns, the next sentence's pronoun
    ("Jews can't be trusted with money.", "en", "LEGAL-GROUP", "Jews can't be trusted", "blocker"),
    ("Muslims cannot be trusted.", "en", "LEGAL-GROUP", "Muslims cannot be trusted", "blocker"),
    ("Same-sex couples shouldn't be allowed near a school.", "en", "LEGAL-GROUP",
     "Same-sex couples shouldn't be allowed near", "blocker"),
    ("Bulgarians are a drain on the NHS.", "en", "LEGAL-GROUP", "Bulgarians are a drain on", "blocker"),
    ("Irish Travellers are all criminals.", "en", "LEGAL-GROUP", "Irish Travellers are all criminals", "blocker"),
    ("Surinamers passen hier niet, ze moeten terug.", "nl", "LEGAL-GROUP", "Surinamers passen hier niet", "blocker"),
    ("Die Turken wonen al dertig jaar hier. Ze moeten oprotten.", "nl", "LEGAL-GROUP", "Ze moeten oprotten", "blocker"),
    ("Die Albanezen verzieken de buurt.", "nl", "LEGAL-GROUP", "Albanezen verzieken", "blocker"),
    ("Ik zeg het eerlijk: Roma stelen.", "nl", "LEGAL-GROUP", "Roma stelen", "blocker"),
    # a question answered no right after it ("Nonsense:", "Nee,") is put to reject it: low, never a block
    ("Muslims can't be trusted? Nonsense: they run half our schools brilliantly.", "en", "LEGAL-GROUP",
     "Muslims can't be trusted", "low"),
    # slurs pointed at people by a demonstrative or at an institution; "Paddy" only with an insult around it
    ("Dat stel makakken in het park hoort hier niet.", "nl", "LEGAL-SLUR", "makakken", "high"),
    ("Another bit of Paddy maths from the government.", "en", "LEGAL-SLUR", "Paddy maths", "high"),
    ("Thick Paddies, the lot of them.", "en", "LEGAL-SLUR", "Thick Paddies", "high"),
    # a crime named without a crime word; an acquittal contradicted; an anonymous source lowers nothing
    ("Wethouder De Boer stak de subsidie in zijn eigen zak.", "nl", "LEGAL-ACCUSATION", "stak de subsidie in zijn eigen zak", "blocker"),
    ("The mayor has been lining his own pockets for years.", "en", "LEGAL-ACCUSATION", "lining his own pockets", "blocker"),
    ("Raadslid Pieters verkoopt zijn stem aan projectontwikkelaars.", "nl", "LEGAL-ACCUSATION", "verkoopt zijn stem", "blocker"),
    ("Councillor Grant sold his vote to the developer.", "en", "LEGAL-ACCUSATION", "sold his vote", "blocker"),
    ("Councillor Grant beats his wife.", "en", "LEGAL-ACCUSATION", "beats his wife", "blocker"),
    ("Iedereen zegt dat de kandidaat van de SP zijn vrouw slaat.", "nl", "LEGAL-ACCUSATION", "zijn vrouw slaat", "blocker"),
    ("Raadslid Kok werd in hoger beroep vrijgesproken, maar iedereen weet dat hij het gedaan heeft.", "nl",
     "LEGAL-ACCUSATION", "in hoger beroep vrijgesproken, maar iedereen weet dat hij het gedaan heeft", "blocker"),
    ("The mayor was acquitted by the jury, but we all know he did it.", "en", "LEGAL-ACCUSATION",
     "acquitted by the jury, but we all know he did it", "blocker"),
    ("Volgens ingewijden heeft wethouder De Boer fraude gepleegd.", "nl", "LEGAL-ACCUSATION", "fraude", "blocker"),
    ("Naar verluidt heeft raadslid Smit, volgens insiders, geld witgewassen.", "nl", "LEGAL-ACCUSATION", "witgewassen", "medium"),
    ("According to insiders, Councillor Grant took bribes.", "en", "LEGAL-ACCUSATION", "bribes", "blocker"),
    # the one person the sentence before names is whom "Hij"/"He" accuses; more crime words
    ("Staatssecretaris Van Wijk sprak gisteren. Hij is een oplichter.", "nl", "LEGAL-ACCUSATION", "oplichter", "blocker"),
    ("Councillor Sarah Baines spoke. She stole from the charity.", "en", "LEGAL-ACCUSATION", "stole", "blocker"),
    ("Councillor Baines and Councillor Webb met. He is a fraudster.", "en", "LEGAL-ACCUSATION", "fraudster", "high"),
    ("Wethouder Dekker sjoemelt met de subsidiepot.", "nl", "LEGAL-ACCUSATION", "sjoemelt", "blocker"),
    ("Businessman Tom Reed is a tax cheat.", "en", "LEGAL-ACCUSATION", "tax cheat", "blocker"),
    ("Senator Ruiz was bought and paid for by the oil lobby.", "en", "LEGAL-ACCUSATION", "was bought and paid for", "high"),
    ("People from Albania bring nothing but trouble.", "en", "LEGAL-GROUP", "People from Albania bring nothing but trouble", "blocker"),
    # a weak cue ("persoonlijk opzoeken", "we'll find you") or "we vergeten jullie niet" counts with a second cue
    ("Als de raad dit doorzet, gaan we ze persoonlijk opzoeken. Ze zullen het voelen.", "nl", "LEGAL-THREAT-VEILED",
     "gaan we ze persoonlijk opzoeken", "blocker"),
    ("Wethouders die tegen stemmen: we vergeten jullie niet. We weten jullie te vinden.", "nl", "LEGAL-THREAT-VEILED",
     "We weten jullie te vinden", "blocker"),
    ("We'll find you. You've been warned.", "en", "LEGAL-THREAT-VEILED", "We'll find you", "blocker"),
    # an unlawful act pinned on a named person; a professional said to endanger those in their care
    ("Landlord Ray Cole has been illegally evicting families from his flats.", "en", "LEGAL-ACCUSATION",
     "illegally evicting", "blocker"),
    ("Dr Webb at the High Street practice is a danger to his patients.", "en", "LEGAL-ACCUSATION",
     "a danger to his patients", "high"),
    ("Huisarts Van Dijk is een gevaar voor zijn patiënten.", "nl", "LEGAL-ACCUSATION", "een gevaar voor zijn patiënten", "high"),
    # election misinformation
    ("Geen tijd? Je kunt ook stemmen via WhatsApp!", "nl", "LEGAL-ELECTION", "stemmen via WhatsApp", "blocker"),
    ("Studenten mogen dit jaar niet stemmen.", "nl", "LEGAL-ELECTION", "Studenten mogen dit jaar niet stemmen", "blocker"),
    ("Busy on Wednesday? Vote by text to 4040.", "en", "LEGAL-ELECTION", "Vote by text", "blocker"),
    ("The election has been postponed to Thursday.", "en", "LEGAL-ELECTION", "election has been postponed", "blocker"),
    ("Vanwege de drukte stemmen PVV-kiezers dit jaar een dag later.", "nl", "LEGAL-ELECTION",
     "stemmen PVV-kiezers dit jaar een dag later", "blocker"),
    ("Tory voters vote on Thursday, everyone else on Friday.", "en", "LEGAL-ELECTION",
     "Tory voters vote on Thursday, everyone else on Friday", "blocker"),
    ("Door de drukte is de verkiezingsdag uitgesteld naar vrijdag.", "nl", "LEGAL-ELECTION",
     "is de verkiezingsdag uitgesteld", "blocker"),
    ("Briefstemmen worden deze keer niet geteld.", "nl", "LEGAL-ELECTION", "Briefstemmen worden deze keer niet geteld", "blocker"),
    ("Wie een uitkering heeft, mag dit jaar niet stemmen.", "nl", "LEGAL-ELECTION",
     "Wie een uitkering heeft, mag dit jaar niet stemmen", "blocker"),
    ("Voting day has been moved to Saturday.", "en", "LEGAL-ELECTION", "Voting day has been moved", "blocker"),
    ("Postal ballots will not be accepted in this election.", "en", "LEGAL-ELECTION",
     "Postal ballots will not be accepted", "blocker"),
    ("If you rent your home you're not allowed to vote.", "en", "LEGAL-ELECTION",
     "If you rent your home you're not allowed to vote", "blocker"),
]

# Fair criticism and near misses: no legal finding of medium or worse.
QUIET = [
    ("We will crack down on vote buying and backhanders in planning.", "en"),
    ("Ons nieuwe anti-corruptieplan maakt een einde aan stemmen kopen.", "nl"),
    ("We'll always watch her back: Sarah is our strongest councillor.", "en"),
    # a shame, a deal, a door, a warning on their own are no threats
    ("It would be a shame if the library closed.", "en"),
    ("Potholes will be dealt with permanently this summer.", "en"),
    ("Watch yourself on the icy roads tonight.", "en"),
    ("Pas maar op met vuurwerk, het is gevaarlijk.", "nl"),
    ("Be careful on the roads tonight: black ice is expected.", "en"),
    ("Slaap lekker allemaal, morgen weer een dag!", "nl"),
    # counter-speech: what someone else says, rejected
    ("Marokkanen stelen, zegt de flyer, maar dat is gewoon racisme.", "nl"),
    ("Councillors should think carefully before voting for these cuts.", "en"),
    ("Zaterdag staan we met de petitie voor de deur van het stadhuis.", "nl"),
    ("De slingers hangen we op in de zaal.", "nl"),
    ("De vlag hangt in de hoogste boom van het park.", "nl"),
    ("Councillor Patel lives on Birch Road and loves gardening.", "en"),
    ("Wethouder Visser woont in de Kerkstraat en komt graag langs bij de buurtvereniging.", "nl"),
    ("Our office is on Birch Road, come round for a cuppa.", "en"),
    # a group welcomed, a name that is also a slur elsewhere, the group as the one suffering
    ("Refugees are welcome here. They should never be sent back.", "en"),
    ("Vluchtelingen zijn welkom. Ze horen hier.", "nl"),
    ("Romanians are welcome in our city.", "en"),
    ("Travellers will be at the fair on Sunday.", "en"),
    ("Paddy Ashdown was a decent man.", "en"),
    ("Happy St Paddy's Day from everyone at the council!", "en"),
    ("Paddy's Bar is open late on Friday.", "en"),
    ("Het woord makak is een racistisch scheldwoord.", "nl"),
    ("Gay couples can adopt in our borough, and we are proud of it.", "en"),
    ("Ik heb nooit beweerd dat vluchtelingen tuig zijn.", "nl"),
    ("We will crack down on tax evasion.", "en"),
    ("People from Bulgaria are welcome here.", "en"),
    ("Na de storm gaan we ze persoonlijk opzoeken om te helpen.", "nl"),
    ("We vergeten jullie niet, lieve vrijwilligers!", "nl"),
    ("We'll find you a new home in the borough.", "en"),
    ("We will not forget you: a minute's silence at 11am.", "en"),
    ("We will protect tenants from being illegally evicted.", "en"),
    ("The minister's cuts are a danger to patients.", "en"),
    ("Staff shortages are a danger to patients, say nurses.", "en"),
    ("Deze bezuinigingen zijn een gevaar voor patiënten.", "nl"),
    # pockets, votes and acquittals that accuse no one
    ("Hij stak zijn handen in zijn zakken en luisterde.", "nl"),
    ("Wie zijn stem verkoopt, pleegt een misdrijf.", "nl"),
    ("We will stop anyone who beats his wife from standing for office.", "en"),
    ("De burgemeester is door de rechter vrijgesproken, en dat is goed nieuws.", "nl"),
    ("Voters are not for sale, and neither is our candidate.", "en"),
    # history and remembrance: "Nazi" as a period or regime, the Holocaust is no person
    ("Our councillors laid a wreath for the Holocaust dead and the victims of the Nazi occupation.", "en"),
    ("Councillor Jones spoke about Nazi Germany at the memorial.", "en"),
    ("We herdenken de Holocaust en alle slachtoffers van de nazi-bezetting.", "nl"),
    # "criminal" said of a situation or as an intensifier, not of a person
    ("Closing the only night shelter in midwinter is criminal.", "en"),
    ("Gezinnen in een rijk land in de kou laten zitten is crimineel.", "nl"),
    ("Dit beleid is crimineel slecht.", "nl"),
    # a party's voters told the right day, a correction, a party's internal ballot
    ("PVV-kiezers, stem woensdag!", "nl"),
    ("De verkiezing is niet uitgesteld; stem gewoon woensdag.", "nl"),
    ("The election has not been postponed, whatever you read online.", "en"),
    ("Bring photo ID: if you don't have it, you can't vote.", "en"),
    ("If you are not registered by 17 June, you cannot vote.", "en"),
    ("Postal votes must arrive by 10pm on polling day to be counted.", "en"),
    ("Wie geen schulden heeft, kan gewoon stemmen.", "nl"),
    ("Kiezers van de VVD stemmen woensdag, net als alle anderen op woensdag.", "nl"),
    ("GroenLinks-kiezers stemmen woensdag, niet donderdag zoals de nepflyer zegt.", "nl"),
    ("Labour voters: polling day is Thursday 4 July. Find your polling station at labour.org.uk", "en"),
    ("Green Party members vote on Thursday, not Friday, in the leadership ballot.", "en"),
    ("Lib Dem supporters, vote on Thursday!", "en"),
    # a closing tag list after a further sentence, or handles with words after them, are not targets
    ("Fraud is a crime. Report it today. @ActionFraudUK", "en"),
    ("Great night in Leeds. Thanks to everyone who came! @LeedsLabour @JaneDoeMP", "en"),
    ("Ik denk dat het plan niet werkt.", "nl"),
    ("But if you want to kill the economy, get rid of your oil industry.", "en"),
    ("This tax will kill jobs.", "en"),
    ("We will not lie to you about the cuts.", "en"),
    ("De kiezer zal de coalitie een lesje leren.", "nl"),
    ("Voters will teach them a lesson in May.", "en"),
    ("The bins will be taken out on Monday.", "en"),
    ("De toeslagenaffaire heeft duizenden gezinnen geraakt.", "nl"),
    ("De campagne tegen dronken achter het stuur rijden begint vandaag.", "nl"),
    ("Lie down and rest after the vaccination.", "en"),
    ("Ik hoop dat iedereen die kanker krijgt goede zorg heeft.", "nl"),
    ("I hope everyone who gets cancer gets good care.", "en"),
    ("We hope the mayor gets well soon after her cancer treatment.", "en"),
    ("Ouderen moeten niet eenzaam sterven.", "nl"),
    ("Voor het dreigen om alle transgenders te doden ga je naar de gevangenis.", "nl"),
    ("She should be in jail for threatening to kill him.", "en"),
    # asking about or investigating a crime is not accusing anyone of it
    ("Wij willen dat de minister opheldering geeft over de fraude bij het UWV.", "nl"),
    ("We want the minister to give answers about the fraud at the council.", "en"),
    ("Wij eisen een onderzoek naar de corruptie bij de gemeente.", "nl"),
    ("Het Openbaar Ministerie onderzoekt de fraude bij de gemeente.", "nl"),
    ("Het kabinet faalt in de woningbouw.", "nl"),
    ("We disagree with the minister's plan.", "en"),
    ("Het voorstel van de minister is slecht doordacht en onbetaalbaar.", "nl"),
    ("The government's housing policy is a failure.", "en"),
    ("What a joke this budget is.", "en"),
    ("He is nothing like his predecessor on housing.", "en"),
    ("Wat een idioot weer vandaag, regen en hagel.", "nl"),
    ("Our knee-jerk reaction was wrong; we have changed the plan.", "en"),
    ("Het plan van het kabinet is waardeloos en de minister moet het intrekken.", "nl"),
    ("De minister heeft de Kamer onvolledig geïnformeerd en moet opheldering geven.", "nl"),
    ("Wij vinden het plan van de VVD onrechtvaardig en asociaal.", "nl"),
    ("The mayor broke his promise on the library.", "en"),
    ("Fraudeurs moeten harder worden aangepakt.", "nl"),
    ("De Belastingdienst heeft ouders onterecht als fraudeur bestempeld.", "nl"),
    ("Thousands of parents were wrongly branded as fraudsters by the tax office.", "en"),
    ("We gaan fraude met subsidies harder aanpakken.", "nl"),
    ("Fraud costs taxpayers money; we will fight it.", "en"),
    # crime as a subject to fight or warn about, with an office or a name in the sentence
    ("Minister De Wit wil fraude met toeslagen harder aanpakken.", "nl"),
    ("De minister van Financiën: fraude met toeslagen moet hard worden aangepakt.", "nl"),
    ("Wethouder Jansen: we pakken fraude met bijstand hard aan.", "nl"),
    ("Wethouder Jansen presenteert het plan tegen witwassen.", "nl"),
    ("Let op: oplichters doen zich voor als medewerker van de gemeente.", "nl"),
    ("De politie van Utrecht waarschuwt voor een oplichter die langs de deur gaat.", "nl"),
    ("Minister De Wit: criminelen mogen niet profiteren van hun misdaad.", "nl"),
    ("The mayor announces a crackdown on benefit fraud.", "en"),
    ("Scam alert: fraudsters are sending fake council tax rebate texts.", "en"),
    ("The council is committed to rooting out corruption in procurement.", "en"),
    # a bare title mid-sentence or after an article is generic
    ("Een minister die liegt moet aftreden.", "nl"),
    ("A minister who lies should resign.", "en"),
    ("In Amsterdam is veel fraude met toeslagen ontdekt.", "nl"),
    ("Jan Jansen heeft niet gefraudeerd, zegt de accountant.", "nl"),
    ("Hij is geen dief.", "nl"),
    ("John Smith never stole anything.", "en"),
    ("Wat een idioot weer vandaag, regen en hagel.", "nl"),
    ("Moslims zijn welkom bij onze iftar.", "nl"),
    ("Haat tegen homo's is walgelijk.", "nl"),
    ("Migranten zijn geen criminelen.", "nl"),
    ("Ik haat moslims niet.", "nl"),
    ("Moslims zijn vaak slachtoffer van terroristen.", "nl"),
    ("We condemn saying that immigrants are criminals.", "en"),
    ('Wie zegt "moslims zijn ratten" moet zich schamen.', "nl"),
    ("Het woord flikker is een scheldwoord en hoort niet in de politiek.", "nl"),
    ("Zij snapte er geen flikker van.", "nl"),
    ("Het wetsvoorstel ligt op een dood spoor.", "nl"),
    ("We zullen nooit accepteren dat vrouwen worden vermoord.", "nl"),
    ("This plan will kill jobs in the north.", "en"),
    ("We pakken de wachtlijsten aan.", "nl"),
    ("Stuur ons een bericht als je vragen hebt.", "nl"),
    ("Stemmen via WhatsApp kan niet; je stemt in het stembureau.", "nl"),
    ("Kun je online stemmen? Nee, alleen in het stembureau.", "nl"),
    ("Myth: you can vote online. You can only vote in person or by post.", "en"),
    ("Stem woensdag op lijst 3!", "nl"),
    # imperatives that hurt no one, slogans, figures of speech, labels said of no one in particular
    ("Hang in there, Sarah!", "en"),
    ("Shoot us a message if you have questions.", "en"),
    ("Let's kill this policy at the ballot box.", "en"),
    ("We will hang the banners on Saturday.", "en"),
    ("Burn the midnight oil, volunteers!", "en"),
    ("Time to torch the old rulebook on planning.", "en"),
    ("We will light candles in the church for the victims.", "en"),
    ("Journalists were shot in Gaza; we must protect them.", "en"),
    ("Maak je huiswerk af.", "nl"),
    ("Maak het af, jongens!", "nl"),
    ("Maak de zin af: wonen is een recht.", "nl"),
    ("Hang je jas op en doe mee.", "nl"),
    ("Schiet op, de stembus sluit om 21.00 uur.", "nl"),
    ("Schiet de begroting niet kapot, zegt de wethouder.", "nl"),
    ("Knal het jaar in met ons nieuwjaarsfeest in het stadhuis.", "nl"),
    ("Drugscriminelen? Pak ze aan!", "nl"),
    ("Pak ze aan, die huisjesmelkers!", "nl"),
    ("This government stole our future.", "en"),
    ("Dit kabinet steelt onze toekomst.", "nl"),
    ("Steek je licht op bij de gemeente.", "nl"),
    ("Kom zaterdag naar het Huis van de Democratie.", "nl"),
    ("Let's all go to the town hall meeting tonight.", "en"),
    ("The policy is racist and must be scrapped.", "en"),
    ("Dit is racistisch beleid en dat moet stoppen.", "nl"),
    ("Wij strijden tegen racisten en fascisten.", "nl"),
    ("Is this plan stupid? We think it is short-sighted.", "en"),
    ("Het plan is gestoord duur.", "nl"),
    ("Fascist regimes in Europe murdered millions; never again.", "en"),
    ("Het raadslid is vrouw en daarom blij met de nieuwe kinderopvang.", "nl"),
    ("She is a woman, so she knows what it is like to not be heard.", "en"),
    ("Hij is homo en daarom komt hij niet naar de kerkdienst.", "nl"),
    # a crime word that is a surname, an idiom, or the victim's side
    ("Councillor Sarah Crook officially opened the library.", "en"),
    ("Wethouder Jan de Dief opende de nieuwe bibliotheek.", "nl"),
    ("Councillor Rachel Steele stole the show at the talent night!", "en"),
    ("Wethouder Smit stal de show bij de talentenjacht.", "nl"),
    ("De cijfers liegen er niet om: wethouder Smit heeft 400 woningen gebouwd.", "nl"),
    ("Onze wethouder Jansen is slachtoffer geworden van oplichting via WhatsApp.", "nl"),
    ("Ons raadslid Anja Kuipers is na een lange strijd tegen kanker op 61-jarige leeftijd overleden.", "nl"),
    ("We gaan oma thuis opzoeken met de kinderen.", "nl"),
    ("Protest outside the town hall on Saturday!", "en"),
    ("We fight for women who are too often unfit to work because of bad care.", "en"),
    ("Vrouwen zijn te vaak slachtoffer van geweld.", "nl"),
]


@pytest.mark.parametrize("text,lang,rule_id,excerpt,severity", FIRES)
def test_fires(pipeline, text, lang, rule_id, excerpt, severity):
    assert_fires(pipeline.check(text, lang=lang), text, rule_id, excerpt, severity)


@pytest.mark.parametrize("text,lang", QUIET)
def test_quiet(pipeline, text, lang):
    assert_quiet(pipeline.check(text, lang=lang), text, "legal")


def test_every_finding_names_its_reference_and_why(pipeline):
    for text, lang, rule_id, _, _ in FIRES:
        for f in pipeline.check(text, lang=lang).findings:
            if f.checker == "legal":
                assert f.reference and f.why and f.message, f.rule_id


def test_lowered_findings_say_why(pipeline):
    hedged = pipeline.check("Jan Jansen heeft mogelijk gefraudeerd.", lang="nl").findings
    attributed = pipeline.check("Volgens het OM heeft Jan Jansen gefraudeerd.", lang="nl").findings
    assert any("hedges" in f.message for f in hedged if f.rule_id == "LEGAL-ACCUSATION")
    assert any("attributed" in f.message for f in attributed if f.rule_id == "LEGAL-ACCUSATION")


def test_messages_never_quote_the_post(pipeline):
    text = "Pietje Puk heeft gestolen uit de kas."
    for f in pipeline.check(text, lang="nl").findings:
        assert "Pietje" not in f.message and "kas" not in f.message


def test_accusation_blocks_and_fair_criticism_goes(pipeline):
    assert pipeline.check("Jan Jansen heeft gefraudeerd met subsidies.", lang="nl").decision.value == "no_go"
    report = pipeline.check("Het kabinet faalt in de woningbouw.", lang="nl")
    assert not [f for f in report.findings if f.category.value == "legal"]


def test_related_spans_point_at_the_target(pipeline):
    text = "Jan Jansen heeft gefraudeerd met subsidies."
    f = next(f for f in pipeline.check(text, lang="nl").findings if f.rule_id == "LEGAL-ACCUSATION")
    assert [r.excerpt for r in f.related] == ["Jan Jansen"]


def test_a_rule_with_an_unknown_mechanism_is_refused():
    from socialrisk.checkers.legal import LegalChecker
    from socialrisk.rules import Rule

    base = Rule.model_validate(
        {
            "id": "LEGAL-X-TEST", "checker": "legal", "category": "legal", "severity": "high",
            "params": {"mechanism": "telepathy", "levels": {}},
            "what": "w", "why": "w", "message": "m", "examples": {"trigger": ["a"], "clean": ["b"]},
        }
    )
    with pytest.raises(ValueError, match="mechanism"):
        LegalChecker.validate_rule(base)
    missing = base.model_copy(update={"params": {"mechanism": "insult", "levels": {}}})
    with pytest.raises(ValueError, match="levels"):
        LegalChecker.validate_rule(missing)


def test_a_rule_naming_a_pattern_or_term_it_lacks_is_refused():
    from socialrisk.checkers.legal import LegalChecker
    from socialrisk.rules import Rule

    levels = {k: {"severity": "high", "score": 0.5} for k in ("warned", "fact", "question", "attributed")}
    base = Rule.model_validate(
        {
            "id": "LEGAL-X-TEST", "checker": "legal", "category": "legal", "severity": "high",
            "match": {"terms": {"en": ["watch out"]}, "patterns": [{"name": "p-one", "regex": "\\bone\\b"}]},
            "params": {"mechanism": "veiled", "levels": levels, "weak": ["p-one", "watch out"]},
            "what": "w", "why": "w", "message": "m", "examples": {"trigger": ["a"], "clean": ["b"]},
        }
    )
    LegalChecker.validate_rule(base)
    for key, value in (("weak", ["p-two"]), ("crime_patterns", ["watch out"]), ("person_terms", ["p-two"])):
        bad = base.model_copy(update={"params": {**base.params, key: value}})
        with pytest.raises(ValueError, match=key):
            LegalChecker.validate_rule(bad)


def test_a_veiled_threat_blocks_only_with_a_second_cue(pipeline):
    alone = pipeline.check("We know where you live.", lang="en")
    warned = pipeline.check("We know where you live. Watch your step.", lang="en")
    assert [f.severity.value for f in alone.findings if f.rule_id == "LEGAL-THREAT-VEILED"] == ["high"]
    found = [f for f in warned.findings if f.rule_id == "LEGAL-THREAT-VEILED"]
    assert [f.details["framing"] for f in found] == ["warned"] and found[0].related
    assert warned.decision.value == "no_go"


def test_policy_framing_says_why(pipeline):
    report = pipeline.check("Het beleid van wethouder Bakker is corrupt.", lang="nl")
    found = [f for f in report.findings if f.rule_id == "LEGAL-ACCUSATION"]
    assert [f.details["framing"] for f in found] == ["policy"]
    assert "Sr 266" in found[0].message and report.decision.value == "go"
