"""Generate the project's own privacy corpus: realistic Dutch and English posts with gold PII spans.

Writes ``benchmarks/corpus/privacy_posts.jsonl``, one JSON object a line::

    {"id", "lang", "text", "spans": [{"start", "end", "type"}], "ordinary": bool, "expect": [rule ids]}

Templates are written by hand (what a council, party, ministry or an over-eager councillor posts);
slots are filled from invented name, street and city lists with a fixed seed, and checksummed
identifiers (BSN 11-test, IBAN mod-97, payment cards Luhn) are computed here, so every one is valid.
Span offsets come from the generator, so they are exact. ``spans`` use the privacy checker's entity
types; ``expect`` lists the non-entity rules a post should fire (special category, minor, criminal
record, draft note, confidential) and is reported at post level only. ``ordinary`` posts hold no
personal data: party names, public figures with their office, cities, dates, times, amounts, "14 020".
No row comes from ../shared/eval and no name list comes from the project's rule files.

Usage: ``python benchmarks/privacy_corpus.py`` (write) or ``--check`` (exit 1 if the file is stale).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import sys
from pathlib import Path

SEED = 20261125
OUT = Path(__file__).parent / "corpus" / "privacy_posts.jsonl"
COPIES = 2  # instances per PII template (different fills)
COPIES_ID = 5  # templates with a checksummed identifier or an IP address: more spellings of it

# --------------------------------------------------------------------------------------------
# invented fill lists (not taken from ../shared/eval or rules/)

NL_FIRST = ["Annelies", "Joost", "Sanne", "Bram", "Femke", "Ruud", "Marieke", "Wouter", "Ingrid", "Thijs",
            "Lotte", "Gerrit", "Hanneke", "Kees", "Esther", "Jeroen", "Marloes", "Sjoerd", "Wilma", "Niels",
            "Anouk", "Henk", "Ria", "Maarten", "Joke", "Tineke", "Pieter", "Daan", "Loes", "Evert"]
MIGRANT_FIRST = ["Fatima", "Mohamed", "Yusuf", "Aylin", "Emre", "Priya", "Rachid", "Nadia", "Kwame", "Mei",
                 "Zeynep", "Samira", "Oussama", "Anita", "Rajesh", "Khadija", "Burak", "Ngozi", "Tomasz", "Agnieszka"]
NL_LAST = [("de", "Vries"), ("", "Bakker"), ("van den", "Berg"), ("", "Visser"), ("", "Smit"), ("", "Mulder"),
           ("", "Hendriks"), ("", "Dekker"), ("", "Brouwer"), ("de", "Graaf"), ("", "Kuipers"), ("van", "Leeuwen"),
           ("", "Verhoeven"), ("", "Koster"), ("", "Schouwenaar"), ("van der", "Heijden"), ("", "Wijnands"),
           ("", "Timmerman"), ("ter", "Horst"), ("", "Oosterveld"), ("van", "Dijk"), ("", "Postma"),
           ("", "Huisman"), ("de", "Boer"), ("", "Groeneveld"), ("", "Veenstra"), ("van", "Wijk"), ("", "Spronk")]
MIGRANT_LAST = [("el", "Amrani"), ("", "Yilmaz"), ("", "Öztürk"), ("", "Bouzid"), ("", "Ramdin"), ("", "Kaya"),
                ("", "Nguyen"), ("", "Tahiri"), ("", "Ait Taleb"), ("", "Mahabier"), ("", "Kowalski"),
                ("", "Mensah"), ("", "Sitaldin"), ("", "Benali"), ("", "Demir"), ("", "Okafor")]
EN_FIRST = ["Margaret", "Gareth", "Siobhan", "Tom", "Rebecca", "Callum", "Hannah", "Derek", "Eleanor", "Liam",
            "Joanne", "Stuart", "Bethany", "Neil", "Gwen", "Harvey", "Shona", "Rhys", "Paula", "Declan"]
EN_MIGRANT_FIRST = ["Priya", "Adebayo", "Tariq", "Amara", "Sanjay", "Chloe", "Imran", "Nkechi", "Wei", "Farah",
                    "Kofi", "Aisha", "Mateusz", "Deepa"]
EN_LAST = ["Holloway", "Pryce", "Kelly", "Ashworth", "Whitmore", "McAllister", "Fairbairn", "Thornton",
           "Ellison", "Doherty", "Pennington", "Haworth", "Blackwood", "Rowntree", "Gallagher", "Sutcliffe",
           "Chaudhry", "Okonkwo", "Hussain", "Mensah", "Begum", "Nowak", "Patel", "Adeyemi", "Rahman", "Lindqvist"]

NL_STREETS = ["Kerkstraat", "Molenweg", "Prinses Beatrixlaan", "Lindenlaan", "Van Speijkstraat", "Dorpsstraat",
              "Populierenhof", "Laan van Nieuw Oost", "Schoolstraat", "Burgemeester de Withstraat", "Akkerwinde",
              "Julianastraat", "Wilhelminapark", "Boterdiep", "Oude Gracht", "Zwanenveld", "Esdoornlaan", "Hoofdweg"]
NL_CITIES = ["Utrecht", "Zwolle", "Amersfoort", "Deventer", "Haarlem", "Leiden", "Tilburg", "Groningen",
             "Arnhem", "Breda", "Almere", "Den Bosch", "Enschede", "Nijmegen", "Apeldoorn", "Dordrecht", "Gouda"]
EN_STREETS = ["Elm Road", "Victoria Street", "Mill Lane", "Church View", "Hawthorn Avenue", "Queen's Drive",
              "Cromwell Terrace", "Station Road", "Beechwood Close", "Albert Grove", "Park Crescent", "Tanner's Row"]
EN_CITIES = ["Leeds", "Bristol", "Sheffield", "Norwich", "Cardiff", "Preston", "Derby", "Exeter", "York",
             "Stockport", "Swindon", "Hull"]
EN_POSTCODES = ["LS6 2PT", "BS3 4JQ", "S11 8YA", "NR2 3DF", "CF24 4HQ", "PR1 7XR", "DE22 1GB", "EX4 6NN",
                "YO31 7EW", "SK4 1AA", "SN1 5BD", "HU5 2RL"]
NL_PARTIES = ["VVD", "GroenLinks-PvdA", "NSC", "D66", "CDA", "SP", "PVV", "BBB", "ChristenUnie", "Partij voor de Dieren",
              "Volt", "JA21", "SGP", "DENK"]
EN_PARTIES = ["Labour", "the Conservatives", "the Lib Dems", "the Greens", "Plaid Cymru", "the SNP", "Reform UK"]
NL_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
NL_DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NL_SCHOOLS = ["basisschool De Regenboog", "OBS De Klimop", "de Sint-Jozefschool", "basisschool Het Palet",
              "CBS De Wegwijzer", "de Montessorischool Oost"]
EN_SCHOOLS = ["St Mary's Primary", "Hillside Academy", "Oakfield Primary School", "Greenway Juniors",
              "Holy Trinity C of E Primary"]
BANKS = ["ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB"]
DOMAINS = ["gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "live.nl", "xs4all.nl",
           "planet.nl", "icloud.com", "yahoo.co.uk", "btinternet.com"]
PLATE_LETTERS = "BDFGHJKLNPRSTVXZ"

# --------------------------------------------------------------------------------------------
# identifiers


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def bsn_digits(rng: random.Random) -> str:
    """Nine digits passing the 11-test (sum of d_i * (9..2) minus the last digit is divisible by 11)."""
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        last = sum(x * w for x, w in zip(d, range(9, 1, -1))) % 11
        if last < 10:
            return "".join(map(str, d)) + str(last)


def iban_check(country: str, bban: str) -> str:
    num = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{98 - int(num) % 97:02d}"


def iban(rng: random.Random, country: str = "NL") -> str:
    if country == "NL":
        bban = rng.choice(BANKS) + _digits(rng, 10)
    elif country == "DE":
        bban = _digits(rng, 18)
    elif country == "BE":
        bban = _digits(rng, 12)
    elif country == "GB":
        bban = rng.choice(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + _digits(rng, 14)
    elif country == "FR":
        bban = _digits(rng, 23)
    else:  # ES
        bban = _digits(rng, 20)
    return country + iban_check(country, bban) + bban


def luhn_complete(partial: str) -> str:
    total = 0
    for i, c in enumerate(reversed(partial)):
        d = int(c)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return partial + str((10 - total % 10) % 10)


def card(rng: random.Random) -> tuple[str, list[int]]:
    kind = rng.choice(["visa", "visa", "mc", "amex", "maestro"])
    if kind == "visa":
        return luhn_complete("4" + _digits(rng, 14)), [4, 4, 4, 4]
    if kind == "mc":
        return luhn_complete("5" + str(rng.randint(1, 5)) + _digits(rng, 13)), [4, 4, 4, 4]
    if kind == "amex":
        return luhn_complete(rng.choice(["34", "37"]) + _digits(rng, 12)), [4, 6, 5]
    return luhn_complete("6759" + _digits(rng, 14)), [4, 4, 4, 4, 3]


def group(s: str, sizes: list[int], sep: str = " ") -> str:
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(p for p in out if p)


# --------------------------------------------------------------------------------------------
# people


FEMALE = {"Annelies", "Sanne", "Femke", "Marieke", "Ingrid", "Lotte", "Hanneke", "Esther", "Marloes", "Wilma",
          "Anouk", "Ria", "Joke", "Tineke", "Loes", "Fatima", "Aylin", "Priya", "Nadia", "Mei", "Zeynep", "Samira",
          "Anita", "Khadija", "Ngozi", "Agnieszka", "Margaret", "Siobhan", "Rebecca", "Hannah", "Eleanor",
          "Joanne", "Bethany", "Gwen", "Shona", "Paula", "Amara", "Chloe", "Nkechi", "Wei", "Farah", "Aisha", "Deepa"}


class Person:
    """An invented person; ``female`` True/False picks a first name of that gender, None either."""

    def __init__(self, rng: random.Random, lang: str, female: bool | None = None) -> None:
        migrant = rng.random() < 0.35
        if lang == "nl":
            pool = MIGRANT_FIRST if migrant else NL_FIRST
            self.tv, self.sur = rng.choice(MIGRANT_LAST if migrant else NL_LAST)
        else:
            pool = EN_MIGRANT_FIRST if migrant else EN_FIRST
            self.tv, self.sur = "", rng.choice(EN_LAST)
        if female is not None:
            pool = [n for n in pool if (n in FEMALE) == female]
        self.first = rng.choice(pool)
        self.lang = lang
        self.female = self.first in FEMALE
        self.initials = "".join(f"{c}." for c in self.first[0] + rng.choice("AEHJKLMPRSTW"))[: rng.choice([2, 4])]

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.first, self.tv, self.sur) if p)

    @property
    def last(self) -> str:  # surname on its own: a tussenvoegsel is capitalised
        return " ".join(p for p in (self.tv[:1].upper() + self.tv[1:], self.sur) if p)

    @property
    def init(self) -> str:  # initials and surname: "J.P. de Vries"
        return " ".join(p for p in (self.initials, self.tv, self.sur) if p)

    def title(self) -> str:
        if self.lang == "nl":
            return "mevrouw" if self.female else "meneer"
        return "Mrs" if self.female else "Mr"


# --------------------------------------------------------------------------------------------
# slot fillers: name -> (text, entity type or None)


def _mobile8(rng) -> str:
    """The eight digits after 06 (06-1 ... 06-6 are in use)."""
    return str(rng.randint(1, 6)) + _digits(rng, 7)


def nl_mobile(rng):
    n = _mobile8(rng)
    style = rng.choice(["06-", "06 ", "0612", "06 4", "06 2", "+31 6 ", "+316", "+31 (0)6 ", "0031 6 ", "06.2", "(06) "])
    if style == "06-":
        return "06-" + n
    if style == "06 ":
        return "06 " + n
    if style == "0612":
        return "06" + n
    if style == "06 4":
        return "06 " + group(n, [4, 4])
    if style == "06 2":
        return "06 " + group(n, [2, 2, 2, 2])
    if style == "06.2":
        return "06." + group(n, [2, 2, 2, 2], ".")
    if style == "+31 6 ":
        return "+31 6 " + rng.choice([n, group(n, [4, 4]), group(n, [2, 2, 2, 2])])
    if style == "+316":
        return "+316" + n
    if style == "+31 (0)6 ":
        return "+31 (0)6 " + n
    if style == "(06) ":
        return "(06) " + n
    return "0031 6 " + n


def nl_landline(rng):
    area = rng.choice(["020", "010", "030", "070", "050", "024", "026", "040", "0570", "0318", "0541", "0223"])
    n = _digits(rng, 10 - len(area))
    n = str(rng.randint(2, 9)) + n[1:]
    style = rng.randint(0, 3)
    if style == 0:
        return f"{area}-{n}"
    if style == 1:
        return f"{area} {group(n, [3, 4] if len(n) == 7 else [2, 2, 2])}"
    if style == 2:
        return f"({area}) {n}"
    return f"+31 {area[1:]} {n}"


def uk_phone(rng):
    if rng.random() < 0.6:
        n = "7" + str(rng.choice([4, 5, 7, 8, 9])) + _digits(rng, 8)
        return rng.choice([f"0{n[:4]} {n[4:]}", f"+44 {n[:4]} {n[4:]}", f"0{n}", f"+44 (0){n[:4]} {n[4:]}"])
    area = rng.choice(["0113", "0117", "0114", "01603", "029", "01772"])
    rest = _digits(rng, 11 - len(area))
    rest = str(rng.randint(2, 8)) + rest[1:]
    return f"{area} {group(rest, [3, 4] if len(rest) == 7 else [4, 4] if len(rest) == 8 else [3, 3])}"


def email_of(rng, p: Person):
    local = rng.choice([
        f"{p.first.lower()}.{p.sur.lower().replace(' ', '')}",
        f"{p.first[0].lower()}{p.sur.lower().replace(' ', '')}",
        f"{p.first.lower()}{rng.randint(60, 99)}",
        f"{p.first.lower()}_{(p.tv.replace(' ', '') + p.sur).lower().replace(' ', '')}",
    ])
    local = local.replace("ö", "o").replace("ü", "u")
    return f"{local}@{rng.choice(DOMAINS)}"


def obf_email(rng, p: Person, lang: str):
    user = f"{p.first.lower()}.{p.sur.lower().replace(' ', '').replace('ö', 'o')}"
    dom, tld = rng.choice([("ziggo", "nl"), ("gmail", "com"), ("hotmail", "com"), ("kpnmail", "nl"), ("outlook", "com")])
    if lang == "nl":
        return rng.choice([f"{user} [at] {dom} [punt] {tld}", f"{user} (at) {dom} (punt) {tld}", f"{user} apenstaartje {dom} punt {tld}"])
    return rng.choice([f"{user} [at] {dom} [dot] {tld}", f"{user} at {dom} dot {tld}", f"{user}(at){dom}(dot){tld}"])


def nl_date(rng, year_lo=1938, year_hi=2008, numeric=None):
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(year_lo, year_hi)
    numeric = rng.random() < 0.5 if numeric is None else numeric
    if numeric:
        return rng.choice([f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}", f"{d:02d}/{m:02d}/{y}"])
    return f"{d} {NL_MONTHS[m - 1]} {y}"


def en_date(rng, year_lo=1938, year_hi=2008, numeric=None):
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(year_lo, year_hi)
    numeric = rng.random() < 0.4 if numeric is None else numeric
    if numeric:
        return f"{d:02d}/{m:02d}/{y}"
    return rng.choice([f"{d} {EN_MONTHS[m - 1]} {y}", f"{EN_MONTHS[m - 1]} {d}, {y}"])


def plate(rng):
    L = lambda n: "".join(rng.choice(PLATE_LETTERS) for _ in range(n))  # noqa: E731
    D = lambda n: str(rng.randint(1, 9)) + _digits(rng, n - 1)  # noqa: E731
    return rng.choice([f"{D(2)}-{L(3)}-{D(1)}", f"{D(1)}-{L(3)}-{D(2)}", f"{L(2)}-{D(3)}-{L(1)}",
                       f"{L(1)}-{D(3)}-{L(2)}", f"{L(3)}-{D(2)}-{L(1)}", f"{D(1)}-{L(2)}-{D(3)}",
                       f"{L(2)}-{L(2)}-{D(2)}", f"{D(2)}-{L(2)}-{L(2)}"])


def ip(rng):
    if rng.random() < 0.15:
        return "2001:db8:" + ":".join(f"{rng.randint(0, 65535):x}" for _ in range(6))
    first = rng.choice([31, 77, 82, 84, 86, 145, 178, 185, 188, 212, 213, 217])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def postcode(rng):
    return f"{rng.randint(1011, 9999)} {rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}"


def house_no(rng):
    n = str(rng.randint(1, 240))
    r = rng.random()
    return n + (rng.choice(["A", "B", "-bis", " hs", "-2", " II"]) if r < 0.25 else "")


def token(rng, n, alphabet=string.ascii_letters + string.digits):
    return "".join(rng.choice(alphabet) for _ in range(n))


def password(rng):
    return rng.choice(["Zomer", "Welkom", "Fractie", "Raad", "Campagne", "Lente", "Stadhuis", "Winter"]) + \
        str(rng.randint(2019, 2027)) + rng.choice(["!", "#", "?", "$", ""])


def nl_passport(rng):
    letters = "ABCDEFGHIJKLMNPQRSTUVWXYZ"
    return "".join(rng.choice(letters) for _ in range(2)) + "".join(rng.choice(letters + string.digits) for _ in range(6)) + str(rng.randint(0, 9))


class Filler:
    """Fills a template's slots for one post; the same slot key gives the same value within a post."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng, self.lang, self.cache, self.people = rng, lang, {}, {}

    def person(self, key: str) -> Person:
        if key not in self.people:
            while True:
                p = Person(self.rng, self.lang, {"f": True, "m": False}.get(key[0]))
                if all(p.sur != q.sur for q in self.people.values()):
                    break
            self.people[key] = p
        return self.people[key]

    def fill(self, slot: str) -> tuple[str, str | None]:
        if slot in self.cache:
            return self.cache[slot]
        val = self._fill(slot)
        self.cache[slot] = val
        return val

    def _fill(self, slot: str) -> tuple[str, str | None]:  # noqa: C901 - one branch per slot kind
        rng, nl = self.rng, self.lang == "nl"
        if "." in slot:  # p1.full, p1.first, p1.last, p1.init, p1.mr, p1.email, p1.obf
            key, part = slot.split(".", 1)
            p = self.person(key)
            if part == "full":
                return p.full, "PERSON"
            if part == "first":
                return p.first, "PERSON"
            if part == "last":
                return p.last, "PERSON"
            if part == "init":
                return p.init, "PERSON"
            if part == "title":
                return p.title(), None
            if part == "email":
                return email_of(rng, p), "EMAIL_ADDRESS"
            if part == "obf":
                return obf_email(rng, p, self.lang), "EMAIL_ADDRESS"
            raise KeyError(slot)
        base = slot.rstrip("0123456789")
        if base == "mobile":
            return nl_mobile(rng), "PHONE_NUMBER"
        if base == "landline":
            return nl_landline(rng), "PHONE_NUMBER"
        if base == "phone":
            return (nl_mobile(rng) if rng.random() < 0.7 else nl_landline(rng)) if nl else uk_phone(rng), "PHONE_NUMBER"
        if base == "ukphone":
            return uk_phone(rng), "PHONE_NUMBER"
        if base == "spacedmobile":
            return " ".join("06" + _mobile8(rng)), "PHONE_NUMBER"
        if base == "wordmobile":
            words = (["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"] if nl else
                     ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
            digits = "06" + _mobile8(rng) if nl else "07" + str(rng.choice([4, 5, 7, 8, 9])) + _digits(rng, 8)
            return " ".join(words[int(c)] for c in digits), "PHONE_NUMBER"
        if base == "bsn":
            b = bsn_digits(rng)
            return rng.choice([b, b, f"{b[:4]}.{b[4:6]}.{b[6:]}", f"{b[:3]} {b[3:6]} {b[6:]}"]), "NL_BSN"
        if base == "iban":
            i = iban(rng, "NL")
            return (group(i, [4] * 5) if rng.random() < 0.6 else i), "IBAN_CODE"
        if base == "ibanx":
            i = iban(rng, rng.choice(["DE", "BE", "GB", "FR", "ES"]))
            return (group(i, [4] * 8) if rng.random() < 0.6 else i), "IBAN_CODE"
        if base == "card":
            c, sizes = card(rng)
            style = rng.randint(0, 2)
            return (group(c, sizes) if style == 0 else group(c, sizes, "-") if style == 1 else c), "CREDIT_CARD"
        if base == "dob":
            return (nl_date(rng) if nl else en_date(rng)), "DATE_OF_BIRTH"
        if base == "plate":
            return plate(rng), "NL_LICENSE_PLATE"
        if base == "ip":
            return ip(rng), "IP_ADDRESS"
        if base == "addr":  # street + number
            if nl:
                return f"{rng.choice(NL_STREETS)} {house_no(rng)}", "STREET_ADDRESS"
            return f"{rng.randint(1, 180)} {rng.choice(EN_STREETS)}", "STREET_ADDRESS"
        if base == "fulladdr":  # street, number, postcode, city
            if nl:
                return f"{rng.choice(NL_STREETS)} {house_no(rng)}, {postcode(rng)} {rng.choice(NL_CITIES)}", "STREET_ADDRESS"
            return (f"{rng.choice(['', 'Flat 2, ', 'Apt 4, '])}{rng.randint(1, 180)} {rng.choice(EN_STREETS)}, "
                    f"{rng.choice(EN_CITIES)} {rng.choice(EN_POSTCODES)}"), "STREET_ADDRESS"
        if base == "pchn":  # postcode + house number
            return rng.choice([f"{postcode(rng)} {house_no(rng)}", f"{postcode(rng).replace(' ', '')} {rng.randint(1, 200)}",
                               f"{postcode(rng)}, huisnummer {rng.randint(1, 200)}"]), "STREET_ADDRESS"
        if base == "doclink":
            return f"https://docs.google.com/document/d/{token(rng, 44, string.ascii_letters + string.digits + '_-')}/edit?usp=sharing", "SECRET_LINK"
        if base == "sheetlink":
            return f"https://docs.google.com/spreadsheets/d/{token(rng, 44, string.ascii_letters + string.digits + '_-')}/edit#gid=0", "SECRET_LINK"
        if base == "zoom":
            return f"https://us{rng.randint(2, 6):02d}web.zoom.us/j/{rng.randint(10**10, 10**11 - 1)}?pwd={token(rng, 32)}", "SECRET_LINK"
        if base == "teams":
            return (f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{token(rng, 40)}%40thread.v2/0?context="
                    f"%7b%22Tid%22%3a%22{token(rng, 12, string.hexdigits.lower())}%22%7d"), "SECRET_LINK"
        if base == "tokenurl":
            return f"https://portaal.{rng.choice(['raadsinfo', 'fractiedrive', 'ledenadmin'])}.nl/stukken?token={token(rng, 28)}", "SECRET_LINK"
        if base == "password":
            return password(rng), "SECRET_TOKEN"
        if base == "passcode":
            return str(rng.randint(100000, 999999)), "SECRET_TOKEN"
        if base == "apikey":
            return "sk-" + token(rng, 40), "SECRET_TOKEN"
        if base == "passport":
            return nl_passport(rng), "ID_NUMBER"
        if base == "licence":
            return str(rng.randint(4 * 10**9, 5 * 10**9)), "ID_NUMBER"
        if base == "ukpassport":
            return _digits(rng, 9), "ID_NUMBER"
        # ---- ordinary slots, no span
        if base == "handle":
            return rng.choice(["buurtbewoner", "wijkwatcher", "fietsfan", "oudeplan", "stadsgenoot"]) + str(rng.randint(7, 99)), None
        if base == "city":
            return rng.choice(NL_CITIES if nl else EN_CITIES), None
        if base == "party":
            return rng.choice(NL_PARTIES if nl else EN_PARTIES), None
        if base == "day":
            return rng.choice(NL_DAYS if nl else EN_DAYS), None
        if base == "date":
            d, m = rng.randint(1, 28), rng.randint(1, 12)
            return (f"{d} {NL_MONTHS[m - 1]}" if nl else rng.choice([f"{d} {EN_MONTHS[m - 1]}", f"{EN_MONTHS[m - 1]} {d}"])), None
        if base == "numdate":
            d, m = rng.randint(1, 28), rng.randint(1, 12)
            return rng.choice([f"{d:02d}-{m:02d}-2026", f"{d}-{m}-2026", f"{d:02d}/{m:02d}/2026"]), None
        if base == "time":
            h = rng.randint(9, 21)
            return rng.choice([f"{h}.{rng.choice(['00', '30'])} uur", f"{h}:{rng.choice(['00', '15', '30', '45'])}"]
                              if nl else [f"{h}:{rng.choice(['00', '30'])}", f"{h % 12 or 12}{rng.choice(['pm', '.30pm'])}"]), None
        if base == "age":
            return str(rng.randint(6, 16)), None
        if base == "oldage":
            return str(rng.randint(67, 98)), None
        if base == "school":
            return rng.choice(NL_SCHOOLS if nl else EN_SCHOOLS), None
        if base == "amount":
            return rng.choice(["€ 2,4 miljoen", "€450.000", "1,2 miljard euro", "€ 35,50", "€12.500"] if nl else
                              ["£2.4 million", "£450,000", "£1.2bn", "£35.50", "£12,500"]), None
        if base == "pct":
            return f"{rng.randint(1, 40)},{rng.randint(0, 9)}%" if nl else f"{rng.randint(1, 40)}.{rng.randint(0, 9)}%", None
        if base == "number":
            return str(rng.randint(12, 480)), None
        raise KeyError(slot)


_SLOT = re.compile(r"\{\{|\}\}|\{([\w.]+)\}")
_ID_SLOT = re.compile(r"\{(?:bsn|iban|ibanx|card|ip)\d*\}")


def render(template: str, filler: Filler) -> tuple[str, list[dict]]:
    out, spans, pos, last = [], [], 0, 0
    for m in _SLOT.finditer(template):
        out.append(template[last:m.start()])
        pos += m.start() - last
        last = m.end()
        if m.group(1) is None:  # escaped brace
            out.append(m.group(0)[0])
            pos += 1
            continue
        text, typ = filler.fill(m.group(1))
        if typ:
            spans.append({"start": pos, "end": pos + len(text), "type": typ})
        out.append(text)
        pos += len(text)
    out.append(template[last:])
    return "".join(out), spans


# --------------------------------------------------------------------------------------------
# templates: (text, expected non-entity rules). Written by hand.

SC, MINOR, CRIM, DRAFT, CONF = "PRIV-SPECIAL-CATEGORY", "PRIV-MINOR", "PRIV-CRIMINAL-RECORD", "PRIV-DRAFT-NOTE", "PRIV-CONFIDENTIAL"

NL_PII: list[tuple[str, tuple[str, ...]]] = [
    ("@buurtbewoner Vervelend dat de lantaarnpaal al weken kapot is! Bel {f1.title} {f1.last} van wijkbeheer gerust op {mobile}, zij pakt het op.", ()),
    ("Vragen over de kwijtschelding? Mijn collega {p1.full} helpt u graag: {mobile} of {p1.email}.", ()),
    ("Dank aan {f1.full} ({oldage}) die ondanks haar longkanker elke week bij de voedselbank staat. Wat een kanjer! #{city}", (SC,)),
    ("Vandaag op bezoek bij {f1.first}, die na haar herseninfarct weer zelfstandig woont aan de {addr}. Mooi om te zien hoe de wijkverpleging helpt.", (SC,)),
    ("Steun onze campagne! Doneer op {iban} t.n.v. Stichting Vrienden van {city}. Elke euro telt.", ()),
    ("Gisteren de prijsuitreiking van de voorleeswedstrijd: {p1.first} {p1.last} ({age} jaar) van {school} won! Trots op jullie.", (MINOR,)),
    ("Voor wie niet kon: hier de link naar de fractievergadering van vanavond {zoom} . Tot straks!", ()),
    ("Fractieoverleg om {time}: {teams}", ()),
    ("Beste {p1.first}, we hebben je bezwaar ontvangen onder BSN {bsn}. We nemen binnen zes weken contact op.", ()),
    ("Hoi @{city}Centraal, mijn buurman {p1.full} woont op {fulladdr} en heeft al drie maanden geen verwarming. Kan iemand helpen?", ()),
    ("Wethouder [naam invullen] opent op {date} het vernieuwde buurthuis. Meer info: [link]", (DRAFT,)),
    ("TODO: quote {p1.full} checken voor publicatie. De nieuwe speeltuin is open!", (DRAFT,)),
    ("Uitgelekte brief: 'Geachte heer {p1.last}, uw aanvraag bijstand (BSN {bsn}, IBAN {iban}) is afgewezen.' Dit kan toch niet?!", ()),
    ("[screenshot] Van: {p1.full} <{p1.email}> Aan: raadsgriffie Onderwerp: klacht over de overlast in {city}", ()),
    ("Wie herkent deze auto? Kenteken {plate} stond gisteravond op het fietspad aan de {addr}. Melding is gedaan.", ()),
    ("Mail gerust naar {p1.obf} als je wilt helpen met flyeren in {city}!", ()),
    ("Bel mevrouw {p1.last} op {spacedmobile} voor een afspraak bij het Wmo-loket.", ()),
    ("Beterschap aan onze vrijwilliger {f1.full}, die deze week geopereerd is aan haar hart. We missen je!", (SC,)),
    ("Wij feliciteren {f1.full}, geboren op {dob}, met haar 100e verjaardag! De burgemeester kwam op bezoek.", ()),
    ("Aanmelden voor de bewonersavond bij {p1.first}: {phone} (na 18.00 uur). Adres: {fulladdr}.", ()),
    ("Ons raadslid {p1.full} is vandaag bereikbaar via {mobile}. Wil je liever mailen? {p1.email}", ()),
    ("Gisteren is {p1.full} uit de {addr} veroordeeld voor de brandstichting. Goed dat daders gestraft worden.", (CRIM,)),
    ("Let op: de inlog voor het raadsinformatiesysteem is tijdelijk gebruiker 'fractie' met wachtwoord: {password}", ()),
    ("Het concept-verkiezingsprogramma staat hier, reacties graag voor vrijdag: {doclink}", ()),
    ("VERTROUWELIJK - niet delen. Notitie over de reorganisatie. Contactpersoon {p1.full}, {landline}.", (CONF,)),
    ("Gevonden: portemonnee met rijbewijs op naam van {p1.init}, rijbewijsnummer {licence}. Af te halen op het stadhuis.", ()),
    ("{f1.full} uit {city} stuurde ons haar verhaal: na de toeslagenaffaire woont ze met haar twee kinderen op {pchn}. Lees mee.", ()),
    ("Huurachterstand? Betaal via {iban} o.v.v. uw klantnummer, of bel {p1.first} van schuldhulp op {mobile}.", ()),
    ("Bedankt {f1.full} ({oldage}) en haar dochter {f2.first} voor de gastvrijheid! Zij is moslim en vertelde over de ramadan in de wijk.", (SC,)),
    ("Jouw ideeen voor het park? App {p1.first} op {wordmobile}!", ()),
    ("Reactie op uw melding: de aannemer komt donderdag langs op {fulladdr}. Contact: {p1.title} {p1.last}, {landline}.", ()),
    ("Kaarten voor het gala zijn betaald met creditcard {card}, bonnetje staat in de groepsapp. Kan iemand het declareren?", ()),
    ("Onze penningmeester {p1.full} vraagt: storten op {ibanx} (de Duitse rekening van de zusterpartij) kan ook.", ()),
    ("Vanaf {ip} kwamen 4000 nepreacties binnen op onze enquete. We doen aangifte.", ()),
    ("Welkom aan onze nieuwe leden: {p1.full}, {p2.full} en {p3.full}! Samen maken we {city} mooier.", (SC,)),
    ("Lieve {p1.first}, gefeliciteerd met je {age}e verjaardag! Groeten van de hele klas van {school}. #trots", (MINOR,)),
    ("Meld je aan voor de inspraakavond: stuur naam, adres en telefoonnummer naar {p1.email}. Voorbeeld: {p2.full}, {addr}, {phone}.", ()),
    ("Fractievoorzitter {p1.full} is ziek thuis met een burn-out, vragen over de motie aan {p2.first}: {mobile}.", (SC,)),
    ("Vandaag langs bij {p1.full} op {addr}: al 40 jaar lid van onze partij en nog steeds elke week aan het flyeren.", (SC,)),
    ("Het nieuwe nummer van de buurtconciërge {p1.first} is {phone}. Sla het op!", ()),
    ("Ter info voor de commissie (niet publiceren): BSN's van de aanvragers {bsn} en {bsn2} ontbreken nog in het dossier.", ()),
    ("Gezocht: getuigen van het ongeluk op de {addr}. Zwarte Golf, kenteken {plate}. Tips naar {p1.full}, {mobile}.", ()),
    ("Wachtwoord wifi raadszaal: {password} (niet doorsturen aub)", ()),
    ("@{handle} Uw klacht is doorgestuurd. U kunt ook bellen met onze medewerker {p2.full} op {landline}.", ()),
    ("Namens de fractie sterkte gewenst aan {p1.full} en familie na het overlijden van {p2.first}, die aan ALS leed.", (SC,)),
    ("Volgende week debat over jeugdzorg. Zoom: {zoom} Toegangscode: {passcode}", ()),
    ("In de bijlage de presentielijst: {p1.full} ({dob}), {p2.full} ({dob2}) en {p3.full}.", ()),
    ("Ons nieuwe kantooradres: {fulladdr}. Privé is onze secretaris {p1.full} bereikbaar op {mobile}.", ()),
    ("Geachte {p1.title} {p1.last}, uw rekeningnummer {iban} is gewijzigd in onze administratie. Klopt dit niet? Bel {landline}.", ()),
    ("Wie kent deze jongen? {m1.first} ({age}) zit op {school} en wordt gepest. Ouders, praat erover met uw kinderen.", (MINOR,)),
    ("Spreekuur wethouder in {city}: kom langs of mail {p1.full} via {p1.email}. Telefonisch: {phone}.", ()),
    ("Oud-raadslid {p1.full} is geboren op {dob} in {city} en overleed vorige week. Rust zacht.", ()),
    ("Uw machtiging is verwerkt: IBAN {iban}, BSN {bsn}, geboortedatum {dob}. Controleer uw gegevens.", ()),
    ("Burenhulp gezocht voor {p1.first} (diabetes, slecht ter been) op {pchn}. Wie kan boodschappen doen? Bel {mobile}.", (SC,)),
    ("Vergeten in de groepsapp te zetten: paspoortnummer van {p1.first} voor de reis naar Brussel is {passport}.", ()),
    ("Api-sleutel voor het dashboard (alleen voor de campagne): {apikey}", ()),
    ("Stukken voor de besloten vergadering staan klaar: {tokenurl}", (CONF,)),
    ("Hoi {p1.first}, je kunt je declaratie sturen naar {p1.obf} of bellen naar {phone}.", ()),
    ("Wie reed er zaterdag mee met {f1.full} naar de klimaatmars? Ze is haar telefoon kwijt, bel {p2.first} op {mobile}.", ()),
    ("De begroting staat in deze sheet, nog niet delen: {sheetlink}", ()),
    ("Postadres voor de petitie: {p1.full}, {fulladdr}. Handtekeningen voor {date} insturen.", ()),
    ("Heeft iemand het nummer van {p1.first}? Ik heb {phone} maar dat werkt niet meer.", ()),
    ("Geslaagd! {f1.full} haalde haar diploma na jaren van depressie. Wat een doorzetter. #{city}", (SC,)),
    ("Kenteken {plate} staat al weken geparkeerd voor {addr}. Bewoner {p1.title} {p1.last} ergert zich groen en geel.", ()),
    ("Reactie van een inwoner die we graag delen: 'Mijn BSN is {bsn}, waarom duurt mijn aanvraag zo lang?' We zoeken het uit!", ()),
    ("Op de foto van de balie is het formulier leesbaar: naam {p1.full}, BSN {bsn}, geb. {dob}. Even snel verwijderen!", ()),
    ("Dubbel afgeschreven bij de parkeerautomaat: pinpas/creditcard {card}. Wie van de fractie kan dit regelen?", ()),
    ("Anonieme dreigmail ontvangen vanaf IP-adres {ip}. We hebben aangifte gedaan. Wij laten ons niet intimideren.", ()),
    ("Inloggen op het raadsportaal kan alleen vanaf het stadhuisnetwerk ({ip}) of via VPN.", ()),
]

EN_PII: list[tuple[str, tuple[str, ...]]] = [
    ("@residents Sorry the bins weren't collected. Please ring {f1.first} in Waste Services on {phone} and she'll sort it.", ()),
    ("Questions about your council tax? Our officer {p1.full} can help: {phone} or {p1.email}.", ()),
    ("Huge thanks to {f1.full} ({oldage}) who volunteers at the food bank every week despite her cancer treatment.", (SC,)),
    ("Visited {p1.first} today, who lives at {addr} and is recovering from a stroke. Great work by our district nurses.", (SC,)),
    ("Support our campaign! Donate to {ibanx} (reference: {city} fund). Every pound counts.", ()),
    ("Congratulations to {p1.full}, aged {age}, from {school} who won the county reading prize!", (MINOR,)),
    ("Tonight's ward meeting is online: {zoom} See you there!", ()),
    ("Group meeting at {time}: {teams}", ()),
    ("Dear {p1.first}, thank you for your appeal. Your National Insurance record and passport no. {ukpassport} were received.", ()),
    ("@{city}Council my neighbour {p1.full} at {fulladdr} has had no heating for three months. Can someone help?", ()),
    ("Cllr [NAME] will open the new library on {date}. More info: [LINK]", (DRAFT,)),
    ("TODO check quote from {p1.full} before posting. The new playground is open!", (DRAFT,)),
    ("Leaked letter: 'Dear Mr {p1.last}, your housing benefit claim (account {ibanx}) has been refused.' This is a disgrace.", ()),
    ("[screenshot] From: {p1.full} <{p1.email}> To: Democratic Services Subject: complaint about noise", ()),
    ("Does anyone recognise this car? Reg {plate} was parked on the cycle path on {addr} last night.", ()),
    ("Email {p1.obf} if you'd like to help with leafleting in {city}!", ()),
    ("Call Mrs {p1.last} on {ukphone} to book your home visit from adult social care.", ()),
    ("Get well soon to our volunteer {p1.full}, who had heart surgery this week. We miss you!", (SC,)),
    ("Happy 100th birthday to {p1.full}, born {dob}, who got a visit from the Mayor today!", ()),
    ("To sign up for the residents' evening contact {p1.first} on {phone} (after 6pm). Venue: {fulladdr}.", ()),
    ("Our councillor {p1.full} can be reached today on {ukphone}. Prefer email? {p1.email}", ()),
    ("{p1.full} of {addr} was convicted yesterday of the arson attack. Justice is done.", (CRIM,)),
    ("Login for the casework system is temporarily user 'group' with password: {password}", ()),
    ("Draft manifesto is here, comments by Friday please: {doclink}", ()),
    ("CONFIDENTIAL - do not share. Note on the restructure. Contact {p1.full}, {ukphone}.", (CONF,)),
    ("Found: a wallet with a driving licence for {p1.full}, born {dob}. Collect it at the town hall.", ()),
    ("{f1.full} from {city} shared her story with us: she lives at {fulladdr} with her two children and can't afford the rent.", ()),
    ("Rent arrears? Pay to sort code 20-{number}-15, IBAN {ibanx}, or call {p1.first} in debt advice on {ukphone}.", ()),
    ("Thanks to {f1.full} and her daughter {f2.first} for the warm welcome. She is a Sikh and told us about the gurdwara.", (SC,)),
    ("Your ideas for the park? Text {p1.first} on {wordmobile}!", ()),
    ("Re your report: the contractor will visit {fulladdr} on Thursday. Contact {p1.title} {p1.last} on {ukphone}.", ()),
    ("Gala tickets were paid with card {card}, receipt is in the group chat. Can someone claim it back?", ()),
    ("Our treasurer {p1.full} says you can also pay into {iban} (our Dutch sister party's account).", ()),
    ("4,000 fake responses to our survey came from {ip}. We have reported it to the police.", ()),
    ("Welcome to our new members {p1.full}, {p2.full} and {p3.full}! Together we'll make {city} better.", (SC,)),
    ("Happy {age}th birthday {p1.first}! Love from everyone in Year 5 at {school}.", (MINOR,)),
    ("Register for the consultation: send name, address and phone to {p1.email}. Example: {p2.full}, {addr}, {phone}.", ()),
    ("Group leader {p1.full} is off sick with depression; questions on the motion to {p2.first} on {ukphone}.", (SC,)),
    ("Popped round to see {p1.full} at {addr}: a member for 40 years and still delivering leaflets every week.", (SC,)),
    ("The new number for our caretaker {p1.first} is {phone}. Save it!", ()),
    ("For the committee (not for publication): card numbers {card} and {card2} were used for the refund.", ()),
    ("Witnesses wanted for the crash on {addr}. Black Fiesta, reg {plate}. Info to {p1.full}, {ukphone}.", ()),
    ("Wifi password in the council chamber: {password} (please don't forward)", ()),
    ("@{handle} Your complaint has been passed on. You can also call our officer {p2.full} on {ukphone}.", ()),
    ("Our thoughts are with {p1.full} and family after the death of {p2.first}, who had motor neurone disease.", (SC,)),
    ("Youth services debate next week. Zoom: {zoom} Passcode: {passcode}", ()),
    ("Attendance list attached: {p1.full} (DOB {dob}), {p2.full} (DOB {dob2}) and {p3.full}.", ()),
    ("Our new office is at {fulladdr}. Out of hours our secretary {p1.full} is on {ukphone}.", ()),
    ("Dear {p1.title} {p1.last}, your bank details {ibanx} have been updated. Not you? Call {ukphone}.", ()),
    ("Does anyone know this lad? {m1.first} ({age}) goes to {school} and is being bullied.", (MINOR,)),
    ("Surgery with Cllr Hughes in {city}: drop in or email {p1.full} at {p1.email}. Phone: {phone}.", ()),
    ("Former councillor {p1.full}, born in {city} on {dob}, passed away last week. Rest in peace.", ()),
    ("Your direct debit is set up: IBAN {ibanx}, date of birth {dob}. Please check your details.", ()),
    ("Help needed for {f1.first} (diabetic, housebound) at {fulladdr}. Who can do her shopping? Ring {ukphone}.", (SC,)),
    ("Forgot to put it in the group chat: {p1.first}'s passport number for the Brussels trip is {ukpassport}.", ()),
    ("API key for the canvassing dashboard (campaign team only): {apikey}", ()),
    ("Papers for the closed session are ready: {tokenurl}", (CONF,)),
    ("Hi {p1.first}, send your expenses to {p1.obf} or call {phone}.", ()),
    ("Who gave {f1.full} a lift back from the climate march on Saturday? She lost her phone, ring {p2.first} on {ukphone}.", ()),
    ("Budget sheet here, not to be shared yet: {sheetlink}", ()),
    ("Postal address for the petition: {p1.full}, {fulladdr}. Signatures by {date}.", ()),
    ("Has anyone got {p1.first}'s number? I have {phone} but it no longer works.", ()),
    ("So proud of {f1.full}, who passed her exams after years of anxiety and depression.", (SC,)),
    ("A car with reg {plate} has been parked outside {addr} for weeks. Resident {p1.title} {p1.last} is fed up.", ()),
    ("Meeting with {f1.full} from the tenants' group, home {landline}, mobile {mobile} (she's Dutch, use the +31).", ()),
    ("Screenshot of the form, visible: name {p1.full}, citizen service number (BSN) {bsn}. Please take it down.", ()),
    ("Threatening emails came from IP address {ip}; the police have been informed. We will not be intimidated.", ()),
    ("Refund issued to card {card} for {p1.full}'s parking permit. Sorry for the delay!", ()),
    ("Dutch residents in our twin town can donate via {iban}, or send a cheque to {fulladdr}.", ()),
]

NL_ORDINARY = [
    "Vandaag debat in de Tweede Kamer over de woningbouw. Minister Keijzer moet uitleggen waarom de bouw stokt. Wij willen 100.000 huizen per jaar. #wonen",
    "Stem op {date} op lijst 3! Samen maken we {city} groener, socialer en veiliger. #gr26",
    "De gemeente is bereikbaar via 14 020, ook op {day} tot 17.00 uur. Kijk ook op onze website.",
    "Premier Schoof en minister Van Weel bezochten vandaag {city}. Goed gesprek over veiligheid in de wijken.",
    "De begroting 2027: {amount} extra voor jeugdzorg, een stijging van {pct} ten opzichte van 2026.",
    "Op {numdate} om {time} bespreekt de raad het bestemmingsplan. De vergadering is openbaar.",
    "GroenLinks-PvdA, D66 en het CDA dienen samen een motie in over betaalbare energie. De VVD stemt tegen.",
    "Artikel 1 van de Grondwet geldt voor iedereen. Daarom steunen wij het actieplan tegen discriminatie.",
    "Wethouder Dijkhuizen opent op {date} de nieuwe fietsbrug over de IJssel. Iedereen is welkom vanaf {time}.",
    "De inflatie daalde in mei naar 2,9%. Toch blijven de boodschappen duur. Wij willen de btw op groente naar 0%.",
    "Kamerstuk 36 200 VII, nr. 12: de regering reageert op onze vragen over de Wet open overheid.",
    "Tussen 2020 en 2024 steeg het aantal daklozen met 18%. Dat is onacceptabel. #dakloosheid",
    "NSC en BBB willen de stikstofregels versoepelen. Wij vinden dat de natuur niet kan wachten.",
    "Burgemeester Halsema sprak vandaag de nieuwe raadsleden toe. Welkom allemaal en veel succes!",
    "Belastingtelefoon: 0800-0543 (gratis). Heeft u vragen over uw aanslag? Bel gerust.",
    "De raad vergadert op {day} {date} van {time} tot 23.00 uur. Agendapunt 7: het minimabeleid.",
    "Lijsttrekker Frans Timmermans was vandaag in {city} voor een werkbezoek aan de haven.",
    "Ons verkiezingsprogramma 2025-2029 telt 84 pagina's. Lees het op onzepartij.nl/programma.",
    "Dilan Yeşilgöz (VVD) en Rob Jetten (D66) debatteren morgen om 20.30 uur bij Nieuwsuur.",
    "Het Rijk trekt 1,2 miljard euro uit voor de Nedersaksenlijn. Goed nieuws voor het Noorden!",
    "Op 06-06-2026 is er een open dag op het provinciehuis. Van 10.00-16.00 uur, toegang gratis.",
    "Artikel 6:162 BW regelt de onrechtmatige daad. Daarom stellen wij Kamervragen over de aansprakelijkheid.",
    "De openbare bibliotheek in {city} blijft open. Dank aan alle inwoners die de petitie tekenden (12.345 handtekeningen!).",
    "Staatssecretaris Nobel kondigt vandaag nieuwe regels voor arbeidsmigratie aan. Wij lezen ze kritisch.",
    "Het minimumloon stijgt per 1 januari met 2,98%. Een stap, maar niet genoeg.",
    "Gemeentelijk Informatiepunt: bel 14 0{number} of loop binnen aan het Stadhuisplein. Open ma-vr 9-17 uur.",
    "{party} heeft de meeste stemmen gehaald in {city}. Gefeliciteerd! Wij blijven ons inzetten voor de wijk.",
    "De Provinciale Staten van Utrecht stemden met 28 tegen 21 voor de nieuwe natuurvisie.",
    "Afvalkalender 2026: gft wordt op {day} opgehaald, papier om de week. Download de app van de gemeente.",
    "Koning Willem-Alexander opende vandaag de Afsluitdijk na de renovatie. Een mooi moment voor Friesland.",
    "Minister van Financiën Heinen presenteert op Prinsjesdag de Miljoenennota. Wij zijn benieuwd naar de koopkrachtplaatjes.",
    "Kom op {date} naar onze ledenvergadering in het Fort van de Democratie, {city}. Inloop vanaf {time}.",
    "De Tweede Kamer heeft 150 zetels; het kabinet steunt op 88. Een ruime meerderheid, maar niet in de Eerste Kamer.",
    "Er zijn {number} nieuwe sociale huurwoningen opgeleverd in {city}-Noord. Mooi werk van de corporatie!",
    "De energietoeslag van € 1.300 is weer aan te vragen tot 30-09-2026.",
    "Motie 21 over de OV-tarieven is aangenomen met 76 stemmen voor. Reizen wordt niet duurder in 2027!",
    "Het Nationaal Klimaatplatform meldt: 40% minder CO2-uitstoot in 2030 ligt binnen bereik.",
    "Onze fractie stelt schriftelijke vragen over de sluiting van het zwembad aan de Sportlaan. Antwoord binnen 6 weken.",
    "Van 12 t/m 16 maart is het de Week van het Geld. Workshops in alle bibliotheken van {city}.",
    "Marjan Zeegers, 15 jaar raadslid en nu gedeputeerde, blikt terug in onze nieuwe podcast.",
    "Tijdens de Algemene Beschouwingen vroeg Pieter Omtzigt (NSC) naar de uitvoering van de hersteloperatie.",
    "Het kabinet trekt €750 miljoen uit voor de jeugdzorg. Genoeg? Lees onze analyse.",
    "Vanaf 2028 geldt een verbod op oliegestookte cv-ketels. De subsidie bedraagt tot €3.200 per huishouden.",
    "In 2023 kwamen 1.234 meldingen binnen over overlast. Dat is 14,5% minder dan in 2022.",
    "De SP en de PVV stemden voor, de ChristenUnie en de SGP tegen. Het voorstel haalde het niet.",
    "Ons partijcongres is op 22-11 in de Jaarbeurs Utrecht. Aanmelden via de ledenapp. #congres",
    "Tijdens de ramadan (1-3 tot 30-3) is buurthuis De Kroon langer open, tot 23.00 uur. Iedereen welkom bij de iftar.",
    "Minister-president Schoof reageert op de val van het kabinet: 'Dit is een zwarte dag.'",
    "Uitslag referendum: 52,3% voor, 47,7% tegen. Opkomst 61%.",
    "Het Openbaar Ministerie onderzoekt de fraude bij de gemeente. Wij wachten de uitkomst af.",
    "Op de Dam in Amsterdam herdenken we om 20.00 uur de oorlogsslachtoffers. Twee minuten stilte.",
    "Ons Europees Parlementslid Bas Eickhout stemde voor de natuurherstelwet.",
    "De nieuwe busverbinding 300 rijdt vanaf {numdate} elke 10 minuten tussen {city} en het ziekenhuis.",
    "Budget Sociaal Domein 2026: € 412 miljoen, waarvan € 87 miljoen voor de Wmo.",
    "De kernenergiewet (Kamerstuk 35 167) wordt op 12 maart behandeld. Volg het debat via debatdirect.",
    "Gemeente {city} en de provincie investeren samen {amount} in de binnenstad.",
    "Gefeliciteerd Ajax-vrouwen met de landstitel! Op {day} huldiging op het Museumplein om {time}.",
    "De Raad van State adviseert negatief over het wetsvoorstel. Het kabinet moet terug naar de tekentafel.",
    "Afspraak voor uw paspoort? Dat kan online of via 14 020. Neem uw oude paspoort en een pasfoto mee.",
    "Raadsvergadering {numdate}: agenda, stukken en livestream via de website. Aanvang {time}.",
    "De huurgrens gaat naar €879,66 per maand. Zo'n 300.000 woningen vallen nu onder de middenhuur.",
    "Tweede Kamerlid Jimmy Dijk (SP) bezoekt zaterdag de markt in {city}. Kom ook!",
]

EN_ORDINARY = [
    "Today in Parliament the Chancellor Rachel Reeves set out the Budget. Labour is delivering for working people.",
    "Vote Labour on {date}! Polls open 7am to 10pm. Find your polling station at wheredoivote.co.uk.",
    "The Conservatives and the Lib Dems voted against our motion on bus fares. Shameful.",
    "Keir Starmer visited {city} today to meet apprentices at the new training centre.",
    "Council tax will rise by 4.99% in 2026/27, the lowest rise in the region.",
    "Full council meets on {day} {date} at {time}. The meeting is public and livestreamed.",
    "Housing Secretary Angela Rayner announced 1.5 million new homes by 2029.",
    "Our £2.4 million investment in {city} parks means 12 new playgrounds this year.",
    "Between 2010 and 2024 child poverty rose by 23%. We will change that.",
    "Mayor Andy Burnham spoke at the conference in Manchester this morning. Inspiring stuff.",
    "Bin collections over the bank holiday: your {day} collection moves to {day2}.",
    "Section 106 agreement secured: £450,000 for affordable housing in {city}.",
    "Article 8 of the ECHR protects family life. That is why we oppose the new rules.",
    "Prime Minister's Questions at 12pm: our MP will ask about NHS waiting lists.",
    "Inflation fell to 2.3% in April, but food prices are still 25% higher than in 2021.",
    "Green Party co-leader Carla Denyer visited the community garden in {city} today.",
    "The Greens won 4 seats in {city}, Reform UK 2. Congratulations to all the new councillors.",
    "Join our canvassing session on {date} from {time}. Meet at the library car park.",
    "Our manifesto 2024-2029 is 72 pages long. Read it at ourparty.org.uk/manifesto.",
    "Rishi Sunak and Kemi Badenoch clashed over tax in last night's debate.",
    "The Local Government Act 1972 requires us to publish the minutes within 10 working days.",
    "Call 111 for non-emergency health advice, or 999 in an emergency.",
    "The A64 will be closed between 8pm and 6am from 03-03 to 07-03 for resurfacing.",
    "Home Secretary Yvette Cooper set out new plans on knife crime today.",
    "Our budget: £1.2bn for schools, a 3.5% increase on last year.",
    "Welsh First Minister Eluned Morgan met council leaders in Cardiff today.",
    "Turnout in the by-election was 31.4%, down from 52.7% in 2019.",
    "Planning application 24/01234/FUL for the new leisure centre has been approved.",
    "Free swimming for under-16s this summer at all {city} leisure centres, 10am-4pm daily.",
    "Labour gained 211 seats, the Conservatives lost 474. A historic night.",
    "The Mayor of London Sadiq Khan announced free school meals for all primary pupils.",
    "Household Support Fund: up to £300 per household. Apply online before 31/03/2026.",
    "Ed Davey (Lib Dem) fell off a paddleboard again. Politics has never been so fun.",
    "Bus route 42 now runs every 12 minutes between {city} and the hospital.",
    "We've planted 10,000 trees since 2022. Next target: 25,000 by 2027.",
    "The SNP and Plaid Cymru backed the amendment; it passed 312 to 298.",
    "Cllr Amanda Hughes, cabinet member for housing, opened the new flats on {date}.",
    "Polling day is Thursday 7 May. Bring photo ID: passport, driving licence or a Voter Authority Certificate.",
    "Council offices are closed on 25 and 26 December. Out-of-hours emergencies: see the number on our website.",
    "Over 1,234 residents responded to our consultation, 68% in favour.",
    "Clause 4 of the Bill will be debated on Tuesday. We will table amendments.",
    "Nigel Farage (Reform UK) visited Clacton again. We'll keep focusing on local issues.",
    "King Charles opened the new session of Parliament with the King's Speech.",
    "{party} candidate for mayor will be announced on {date}. Stay tuned!",
    "Our MEP-era records from 2014-2019 are now archived online.",
    "The new cycle lane on the A38 cost £3.2 million and opened on 14/09/2025.",
    "Energy bills will fall by £122 a year from April under the new price cap.",
    "Health Secretary Wes Streeting says waiting lists fell for the fifth month in a row.",
    "Library opening hours: Mon-Fri 9-5, Sat 10-1. Closed Sundays.",
    "Our food bank helped 2,417 families in 2025, up 18% on 2024.",
    "Public meeting at the Corn Exchange on {date}, doors open {time}. All welcome.",
    "The Speaker, Sir Lindsay Hoyle, granted an urgent question on water companies.",
    "Minimum wage rises to £12.21 on 1 April. A pay rise for 3 million workers.",
    "The 2021 census shows {city}'s population grew by 6.2% to 312,000.",
    "Report a pothole online or on 0800 555 1234 (free). We fix most within 28 days.",
    "Foreign Secretary David Lammy met his Dutch counterpart in The Hague today.",
    "Conservative leader Kemi Badenoch will visit {city} on {day}.",
    "Motion 14 on free period products in schools passed unanimously. Thank you all.",
    "The council's net budget for 2026/27 is £287.6m. Read the full report on our website.",
    "Scottish FM John Swinney and UK ministers agreed a £1.4bn deal for the Highlands.",
    "From 06/04/2026 the personal allowance stays frozen at £12,570.",
    "MPs vote on the Assisted Dying Bill at 2.30pm. Our MP will vote in favour.",
]


def build() -> list[dict]:
    rng = random.Random(SEED)
    rows: list[dict] = []
    for lang, templates in (("nl", NL_PII), ("en", EN_PII)):
        for t_no, (tpl, expect) in enumerate(templates, 1):
            copies = COPIES_ID if _ID_SLOT.search(tpl) else COPIES
            for copy in range(1, copies + 1):
                text, spans = render(tpl, Filler(rng, lang))
                rows.append({"id": f"priv-{lang}-{t_no:03d}-{copy}", "lang": lang, "text": text, "spans": spans,
                             "ordinary": False, "expect": list(expect)})
    for lang, templates in (("nl", NL_ORDINARY), ("en", EN_ORDINARY)):
        for t_no, tpl in enumerate(templates, 1):
            copies = COPIES if _SLOT.search(tpl) else 1
            for copy in range(1, copies + 1):
                text, spans = render(tpl, Filler(rng, lang))
                assert not spans, tpl
                rows.append({"id": f"ord-{lang}-{t_no:03d}-{copy}", "lang": lang, "text": text, "spans": [],
                             "ordinary": True, "expect": []})
    return rows


HEADER = {"_comment": "Privacy corpus written by the socialrisk project (benchmarks/privacy_corpus.py, fixed seed): "
                      "hand-written Dutch and English post templates filled with invented names, streets and "
                      "generated valid identifiers; gold spans use the privacy checker's entity types. "
                      "No rows from ../shared/eval. Regenerate with python benchmarks/privacy_corpus.py."}


def dumps(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [HEADER, *rows])


def load(path: Path = OUT) -> list[dict]:
    """Posts of the corpus (the header line skipped)."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if "text" in r]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the corpus file differs from what the generator writes")
    args = ap.parse_args(argv)
    text = dumps(build())
    if args.check:
        if not OUT.is_file() or OUT.read_text("utf-8") != text:
            print(f"{OUT} is out of date: run python benchmarks/privacy_corpus.py", file=sys.stderr)
            return 1
        print(f"{OUT.name} is up to date")
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, "utf-8")
    rows = build()
    print(f"wrote {len(rows)} posts to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
