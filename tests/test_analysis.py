import pytest

from socialrisk.analysis import analyse, build_nlp, detect_language, normalize
from socialrisk.models import Post


def _a(text, lang=None):
    return analyse(Post(text=text), build_nlp, lang, "nl")


@pytest.mark.parametrize("text,lang", [
    ("Het kabinet moet nu eindelijk werk maken van betaalbare woningen voor jonge mensen.", "nl"),
    ("We disagree with the minister's plan and we will vote against it next week.", "en"),
    ("Vandaag hebben we in de raad gestemd over de begroting van de gemeente.", "nl"),
    ("The council has decided to keep the library open on Sundays this winter.", "en"),
])
def test_language_detection(text, lang):
    g = detect_language(text)
    assert g.lang == lang and g.status == "single"


@pytest.mark.parametrize("text,status", [
    ("Die Regierung hat versagt und wir müssen jetzt handeln, sagte er gestern.", "other"),
    ("Le gouvernement a échoué et nous devons agir maintenant pour les gens.", "other"),
    ("🎉🎉", "too_short"),
    ("Правительство провалилось, и мы должны действовать сейчас, сказал он вчера.", "other"),  # another script
    ("Η κυβέρνηση απέτυχε και πρέπει να δράσουμε τώρα για τους ανθρώπους.", "other"),
    ("Anja Bakker, Henk Mulder, Piet Smit, Kees Vos", "too_short"),  # names alone are in no language
])
def test_other_languages_are_not_guessed(text, status):
    g = detect_language(text)
    assert g.lang is None and g.status == status


@pytest.mark.parametrize("disguise", [
    lambda t: t.replace("e", "e\u200b"),   # a zero-width space after every e (CMS exports, or on purpose)
    lambda t: t.replace("e", "e\u00ad"),   # soft hyphens
    lambda t: t.replace("e", "\u0435"),    # a Cyrillic look-alike
    lambda t: t.replace("e", "e\u0301"),   # a combining accent written apart
    lambda t: "\u200b".join(t),
])
def test_a_disguised_post_keeps_its_language_and_its_findings(disguise):
    """Detection reads the view the rules match: a Dutch post sprinkled with invisible characters was
    read as English, so no Dutch rule ran and a no-go went out as go."""
    import socialrisk

    text = "Wethouder Jansen is een fraudeur en een leugenaar."
    assert detect_language(disguise(text)).lang == "nl"
    assert socialrisk.check(disguise(text)).decision.value == "no_go"
    english = "The minister is a fraud and a liar, and everyone knows it."
    assert detect_language(english.replace("a", "\u0430")).lang == "en"


def test_mixed_language_is_reported():
    g = detect_language("We zijn er klaar voor en het wordt een mooie dag! And we will be there for you, with all of our team.")
    assert g.status == "mixed"


def test_language_given_wins_and_default_is_used():
    a = _a("Dit is een Nederlandse zin met genoeg woorden erin.", lang="en")
    assert (a.lang, a.lang_source) == ("en", "given")
    a = _a("🎉🎉")
    assert (a.lang, a.lang_source) == ("nl", "default")


def test_features_and_offsets():
    t = "Zie https://example.nl/x?y=1. @jan_de_vries #WoningNood 👍🏽🇳🇱 €1,5 miljoen, 12% en 3 mei 2024 om 14:00 uur. \"Citaat hier\""
    a = _a(t)
    kinds = {f.kind: f.text for f in [*a.urls, *a.mentions, *a.hashtags, *a.numbers, *a.quotes]}
    assert kinds["url"] == "https://example.nl/x?y=1"
    assert kinds["mention"] == "@jan_de_vries"
    assert kinds["hashtag"] == "#WoningNood"
    assert kinds["money"] == "€1,5 miljoen" and kinds["percent"] == "12%"
    assert kinds["date"] == "3 mei 2024" and kinds["time"] == "14:00 uur"
    assert kinds["quote"] == '"Citaat hier"'
    assert [e.text for e in a.emoji] == ["👍🏽", "🇳🇱"]
    for f in [*a.urls, *a.mentions, *a.hashtags, *a.emoji, *a.numbers, *a.quotes]:
        assert t[f.start:f.end] == f.text
    assert not any(n.text == "1" for n in a.numbers), "numbers inside a URL are not numbers of the post"


def test_sentences_split_on_newlines_and_punctuation():
    t = "Eerste zin. Tweede zin!\r\nDerde regel zonder punt\nVierde"
    a = _a(t)
    assert [t[s:e] for s, e in a.sentences] == ["Eerste zin.", "Tweede zin!", "Derde regel zonder punt", "Vierde"]


@pytest.mark.parametrize("raw,folded", [
    ("K\u200bUT", "kut"),                 # zero-width
    ("kаnker", "kanker"),               # Cyrillic a
    ("l1ar", "liar"),                    # leetspeak in a word
    ("2024", "2024"),                    # numbers stay numbers
    ("s h i t", "shit"),                 # spaced letters
    ("Café", "cafe"),                    # accents
    ("𝐁𝐎𝐋𝐃", "bold"),                    # math bold letters
])
def test_normalisation_maps_back(raw, folded):
    n = normalize(raw)
    assert n.text == folded
    s, e = n.to_original(0, len(n.text))
    assert (s, e) == (0, len(raw))


def test_lookup_lemmas_available():
    a = _a("De ministers hebben gelogen.", lang="nl")
    assert [t.lemma_ for t in a.doc if t.text == "gelogen"] == ["liegen"]


# The tokenizer adds spaCy's exceptions ("bijv.", "a.s.", "don't") when a text holds them, not all
# 4 670 at start-up: the tokens must be exactly those of spaCy's own blank pipeline, on a tokenizer
# that has seen no other text (a shared one may already hold what a text needs).
def _exception_texts(lang: str, n: int = 40) -> list[str]:
    import random

    import spacy

    exceptions = sorted(spacy.blank(lang).Defaults.tokenizer_exceptions)
    rng = random.Random(7)
    texts = [
        "Bijv. a.s. zaterdag om 10 u. 's ochtends, t/m 12 jan. Dhr. Jansen :-) z.s.m. mr.drs. ca.5",
        "He'll've said it's Rep. O'Neill's plan, e.g. on Jan. 5 (approx.) -- don't.",
        "Geen punten of apostroffen hier",
        "",
    ]
    for s in rng.sample(exceptions, n):
        a, b = rng.choice(exceptions), rng.choice(exceptions)
        texts += [f"{a} {s} {b}. {s.upper()}", f"({s}){b}", f"{a}{s}", f"x{s}y {s}"]
    return texts


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_on_demand_exceptions_tokenize_as_spacy(lang):
    import spacy

    from socialrisk.analysis import _on_demand_tokenizer

    reference = spacy.blank(lang)
    for text in _exception_texts(lang):
        fresh = _on_demand_tokenizer(build_nlp(lang))
        ours = [(t.text, t.idx, t.norm_, t.whitespace_) for t in fresh(text)]
        assert ours == [(t.text, t.idx, t.norm_, t.whitespace_) for t in reference(text)], text


def test_on_demand_tokenizer_loads_only_what_texts_need():
    import pickle

    import spacy

    from socialrisk.analysis import _on_demand_tokenizer

    fresh = _on_demand_tokenizer(build_nlp("nl"))
    total = len(spacy.blank("nl").Defaults.tokenizer_exceptions)
    before = len(fresh.rules)
    assert before < total / 10
    assert [t.text for t in fresh("Kom bijv. a.s. zaterdag.")] == ["Kom", "bijv.", "a.s.", "zaterdag", "."]
    assert {"bijv.", "a.s."} <= set(fresh.rules) and len(fresh.rules) < before + 10
    copy = pickle.loads(pickle.dumps(build_nlp("nl").tokenizer))  # e.g. for a worker process
    assert [t.text for t in copy("Kom bijv. a.s. zaterdag.")] == ["Kom", "bijv.", "a.s.", "zaterdag", "."]


def test_on_demand_tokenizer_load_all_matches_spacy():
    import spacy

    from socialrisk.analysis import _on_demand_tokenizer

    fresh = _on_demand_tokenizer(build_nlp("en"))
    fresh.load_all()
    reference = spacy.blank("en")
    assert fresh.exceptions is None and len(fresh.rules) == len(reference.tokenizer.rules)
    for text in _exception_texts("en", 10):
        assert [t.text for t in fresh(text)] == [t.text for t in reference(text)], text


def test_on_demand_tokenizer_in_threads_matches_spacy():
    # Exceptions are added while other threads tokenize: each text still gets spaCy's own tokens.
    from concurrent.futures import ThreadPoolExecutor

    import spacy

    from socialrisk.analysis import _on_demand_tokenizer

    fresh = _on_demand_tokenizer(build_nlp("nl"))
    reference = spacy.blank("nl")
    texts = _exception_texts("nl", 30) * 3
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: [x.text for x in fresh(t)], texts))
    assert got == [[x.text for x in reference(t)] for t in texts]


@pytest.mark.parametrize("text,lang", [
    ("Councillor Hill lied.", "en"), ("Stupid mayor.", "en"), ("Wethouder Kok liegt.", "nl"),
])
def test_a_post_too_short_for_function_words_is_read_by_the_words_only_one_language_has(text, lang):
    """Three English words fell back to the default language (Dutch), so no English rule ran: a go."""
    a = _a(text)
    assert (a.lang, a.lang_source, a.lang_guess.status) == (lang, "detected", "too_short")


def test_a_short_post_with_no_telling_words_keeps_the_default():
    a = _a("🎉🎉 Top!")
    assert (a.lang, a.lang_source) == ("nl", "default")
