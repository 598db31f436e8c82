"""Generate ``rules/common/_names_faker.yaml``: international first names and surnames for the privacy checker.

Source: the ``faker`` package (PyPI ``faker``, MIT licence, joke2k and contributors), whose person
providers ship first- and last-name lists per locale (``faker/providers/person/<locale>/__init__.py``).
Needed only to regenerate the file (``pip install faker``); socialrisk reads the generated YAML and never
imports ``faker``.

Which names: the Latin-script names of the European locales and of the common migrant-origin locales
of the Netherlands, the UK and the US (``LOCALES`` below). Names in another script are skipped (no
transliteration is made here); a name of several words ("de la Cruz", "Van den Berg") gives its
capitalised parts that are not tussenvoegsels ("Cruz", "Berg", before the word filters below).

Precision guards, the same as the census tools (``tools/privacy_surnames.py``):
- names that are ordinary English or Dutch words (spaCy's ``spacy-lookups-data``: English words written
  in lower case at least a tenth as often as capitalised, Dutch and English adjectives, verbs, adverbs,
  prepositions and determiners) are dropped as surnames; as first names they go to
  ``first_names_also_words`` (a name before a surname, never alone). One difference: a lower-case form
  rarer than ``FLOOR`` counts for nothing (the census lists hold few such rare names; Faker's many);
- names in ``not_surnames`` / ``not_first_names`` / ``not_names`` of ``_names.yaml`` (places, months,
  parties, titles) are dropped, and so are names shorter than three letters;
- first names that are adjectives, adverbs, verbs, prepositions or determiners are dropped altogether
  (as ``tools/privacy_first_names.py`` does: Will, Grant, Rich).

The lists are space-separated strings (YAML block scalars), which load ~30x faster than YAML lists.

Usage: python tools/privacy_names_faker.py [--check]   (--check: fail when the file is out of date)
"""

from __future__ import annotations

import importlib
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from privacy_surnames import MARGIN  # noqa: E402 - the census tool's margin, shared

from _generated import write_or_check  # tools/ is on sys.path when a tool runs as a script

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rules" / "common" / "_names_faker.yaml"
NAMES = ROOT / "rules" / "common" / "_names.yaml"

# European locales, and Latin-script locales of common migrant-origin countries (Turkey, the Maghreb,
# Suriname/India/Pakistan, Indonesia, West and East Africa, Latin America, the Balkans, ...).
LOCALES = (
    "nl_NL", "nl_BE", "de_DE", "de_AT", "de_CH", "de_LU", "de_LI", "fr_FR", "fr_BE", "fr_CH", "fr_CA",
    "en_GB", "en_IE", "en_US", "en_NZ", "it_IT", "es_ES", "es_CA", "pt_PT", "pl_PL", "cs_CZ", "sk_SK",
    "hu_HU", "ro_RO", "hr_HR", "sl_SI", "sv_SE", "no_NO", "da_DK", "fi_FI", "is_IS", "et_EE", "lt_LT",
    "lv_LV", "tr_TR", "az_AZ", "uz_UZ", "fr_DZ", "en_IN", "en_PK", "id_ID", "vi_VN", "pt_BR", "es_MX",
    "es_AR", "es_CO", "es_CL", "yo_NG", "ig_NG", "ha_NG", "en_NG", "tw_GH", "en_KE", "sw", "zu_ZA",
)
# attributes of a person provider that hold first names / surnames (others: formats, prefixes, ...)
FIRST_ATTRS = ("first_name",)
LAST_ATTRS = ("last_name",)
SKIP_ATTRS = ("last_names_without_suffix",)  # Icelandic: first names that take -son/-dóttir
# A lower-case form rarer than this (log10 probability in spaCy's English lexeme table, about once in
# 30 million words) is no evidence of an ordinary word: at that frequency lower-cased names, typos and
# foreign words dominate ("mette" -17.0 vs "Mette" -18.7 would make Mette an English word).
FLOOR = -16.5


def _latin_word(word: str) -> bool:
    """A capitalised word of Latin letters in the shape the checker's name tokens have (O'Brien, McKay, Anne-Marie)."""
    import regex

    if not regex.fullmatch(r"\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:\p{Lu}\p{Ll}{2,})?(?:-\p{Lu}\p{Ll}+)?", word):
        return False
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in word)


def _provider_names(locale: str) -> tuple[set[str], set[str]]:
    """First names and surnames (raw strings) of one Faker locale."""
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    first: set[str] = set()
    last: set[str] = set()
    for attr in dir(provider):
        if attr.startswith("_") or attr in SKIP_ATTRS:
            continue
        value = getattr(provider, attr)
        if callable(value) or not isinstance(value, (list, tuple, dict)) or not value:
            continue
        items = [v for v in value if isinstance(v, str) and "{" not in v]
        if any(a in attr for a in FIRST_ATTRS):
            first.update(items)
        elif any(a in attr for a in LAST_ATTRS):
            last.update(items)
    return first, last


def _words(name: str, particles: set[str]) -> list[str]:
    """The capitalised parts of a name that are no tussenvoegsel ("de la Cruz" -> Cruz)."""
    return [w for w in name.replace("\u00a0", " ").split() if w.lower() not in particles and _latin_word(w)]


def _ordinary(closed: set[str]):
    """The census tools' test (``privacy_surnames._ordinary``), with a frequency floor for foreign names.

    A word is ordinary when it is an English or Dutch adjective, adverb, verb, preposition or determiner,
    or when English writes it in lower case at least a tenth as often as capitalised - counted only when
    the lower-case form is not rarer than ``FLOOR``.
    """
    import gzip
    import json

    import spacy_lookups_data

    data = Path(spacy_lookups_data.__file__).parent / "data"
    prob = json.loads(gzip.open(data / "en_lexeme_prob.json.gz").read())

    def ordinary(low: str) -> bool:
        if low in closed:
            return True
        lower, cap = prob.get(low), prob.get(low.capitalize())
        if lower is None or lower < FLOOR:
            return False
        return cap is None or lower >= cap - MARGIN

    return ordinary


def _closed_class() -> set[str]:
    """English and Dutch adjectives, adverbs, verbs, prepositions, determiners: never a first name (Will, Grant)."""
    import gzip
    import json

    import spacy_lookups_data

    data = Path(spacy_lookups_data.__file__).parent / "data"
    words: set[str] = set()
    for lang, kinds in (("en", ("adj", "adv", "verb")), ("nl", ("adj", "adv", "verb", "adp", "det"))):
        index = json.loads(gzip.open(data / f"{lang}_lemma_index.json.gz").read())
        words.update(w for k in kinds for w in index.get(k, ()) if w.islower())
    return words


def build() -> str:
    import faker  # dev-time only

    from socialrisk.rules import yaml_load  # YAML 1.2: "No", "Yes" stay words

    closed = _closed_class()
    ordinary = _ordinary(closed)
    gaz = yaml_load(NAMES.read_text("utf-8"))
    excluded = {w.lower() for key in ("not_surnames", "not_first_names", "not_names") for w in gaz.get(key, [])}
    particles = {p.lower() for part in gaz.get("particles", []) for p in part.split()}
    first_raw: set[str] = set()
    last_raw: set[str] = set()
    for locale in LOCALES:
        f, l = _provider_names(locale)
        first_raw |= f
        last_raw |= l
    first = {w for n in first_raw for w in _words(n, particles)
             if len(w) >= 3 and w.lower() not in excluded and w.lower() not in closed}
    last = {w for n in last_raw for w in _words(n, particles) if len(w) >= 3 and w.lower() not in excluded}
    also_words = sorted(w for w in first if ordinary(w.lower()))
    first_names = sorted(first - set(also_words))
    surnames = sorted(w for w in last if not ordinary(w.lower()))

    def block(words: list[str]) -> list[str]:
        return ["  " + " ".join(words[i:i + 16]) for i in range(0, len(words), 16)] or ["  "]

    lines = [
        "# GENERATED by tools/privacy_names_faker.py - do not edit by hand (schema: socialrisk.checkers.",
        "# _privacy_engine.FakerNames). Latin-script first names and surnames of the person providers of the",
        f"# Faker package (PyPI faker {faker.VERSION}, MIT licence, (c) joke2k and contributors) for the locales",
        "# below. Names that are also ordinary English or Dutch words, places and the words of _names.yaml's",
        "# not_* lists are left out; first names that are ordinary words are kept apart in",
        "# `first_names_also_words` (a name before a surname, never alone).",
        'version: "1"',
        f'source: "Faker {faker.VERSION} person providers (https://github.com/joke2k/faker)"',
        'licence: "MIT"',
        f"locales: [{', '.join(LOCALES)}]",
        f"count_first_names: {len(first_names)}",
        f"count_surnames: {len(surnames)}",
        "first_names: |",
        *block(first_names),
        "surnames: |",
        *block(surnames),
        "first_names_also_words: |",
        *block(also_words),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    write_or_check(OUT, build(), "tools/privacy_names_faker.py")


if __name__ == "__main__":
    main()
