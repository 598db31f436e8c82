"""The shared per-post analysis: computed once, read by every checker.

Holds the language decision, the spaCy ``Doc`` (tokens, sentences, lookup lemmas), a normalised view
of the text for evasion-resistant matching (with a map back to original offsets), and the surface
features posts are made of: links, @mentions, #hashtags, emoji, numbers, quoted passages.
All offsets are ``str`` indices into the original text.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gzip
import hashlib
import json
import re
import sys
import threading
import unicodedata
from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Literal, Sequence

import regex
from pydantic import BaseModel, ConfigDict

from .models import Post, Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "Analysis",
    "Feature",
    "Normalized",
    "LanguageGuess",
    "detect_language",
    "normalize",
    "build_nlp",
    "analyse",
]

# --------------------------------------------------------------------------- normalisation

# Zero-width and format characters hide words from naive matching ("k\u200bu\u200bt").
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f"}
# Cyrillic and Greek letters that look like Latin ones (Unicode confusables, lower case).
_HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
        "ѕ": "s", "ԁ": "d", "ӏ": "l", "к": "k", "м": "m", "н": "h", "т": "t", "в": "b", "ո": "n",
        "α": "a", "ο": "o", "ρ": "p", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "τ": "t", "χ": "x",
    }
)
# What disguises a word from a reader's eye: invisible characters, a combining mark written apart, a
# Cyrillic or Greek look-alike (language detection then reads the folded view; other text stays as it is).
_DISGUISED = re.compile("[" + "".join(sorted(_INVISIBLE)) + "\u0300-\u036f" + "".join(sorted(chr(c) for c in _HOMOGLYPHS)) + "]")
# Leetspeak inside words that are otherwise letters: "k4nker", "l1ar", "$hit".
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e"}
_WORDISH = regex.compile(r"[\p{L}\p{M}0-9@$€*]+")
_SPACED = regex.compile(r"(?<![\p{L}\p{N}])(?:\p{L}[ .](?=\p{L})){2,}\p{L}(?![\p{L}\p{N}])")
# The same two patterns for ASCII text, where \p{L} is [A-Za-z], \p{N} is [0-9] and \p{M} is empty.
_WORDISH_ASCII = re.compile(r"[A-Za-z0-9@$*]+")
_SPACED_ASCII = re.compile(r"(?<![A-Za-z0-9])(?:[A-Za-z][ .](?=[A-Za-z])){2,}[A-Za-z](?![A-Za-z0-9])")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A matching view of the text: folded case, no accents/invisibles/homoglyphs, leet undone.

    ``starts[i]``/``ends[i]`` give the original offsets of normalised character ``i``.
    """

    text: str
    starts: Sequence[int]  # a range when the map is one to one (most texts): no tuple of n ints to build
    ends: Sequence[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _fold_char(ch: str) -> str:
    if ch in _INVISIBLE:
        return ""
    out = unicodedata.normalize("NFKD", ch)
    out = "".join(c for c in out if not unicodedata.combining(c))
    return out.casefold().translate(_HOMOGLYPHS)


def normalize(text: str) -> Normalized:
    """Build the matching view; every output character maps to a span of the original."""
    # Checkers normalise the same short windows and terms again and again (context words, excerpts).
    return _normalize_short(text) if len(text) <= 256 else _normalize(text)


@functools.lru_cache(maxsize=8192)
def _normalize_short(text: str) -> Normalized:
    return _normalize(text)


class _FoldTable(dict):
    """``str.translate`` table that folds each character on first sight and remembers it.

    Characters whose fold is not exactly one character ("ß" -> "ss", an invisible -> "") are noted in
    ``irregular``: a text without them folds one-to-one, so its offset map is the identity.
    """

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = ch.lower() if ch.isascii() else _fold_char(ch)
        if len(folded) != 1:
            self.irregular.add(ch)
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_LEET_CHARS = frozenset(_LEET)


def _normalize(text: str) -> Normalized:
    ascii_only = text.isascii()
    folded_text = text.lower() if ascii_only else text.translate(_FOLD)
    if ascii_only or _FOLD.irregular.isdisjoint(text):  # the common case: one character for one
        n = len(text)
        starts: list[int] | range = range(n)
        ends: list[int] | range = range(1, n + 1)
    else:
        chars: list[str] = []
        starts, ends = [], []
        for i, ch in enumerate(text):
            for c in ch.translate(_FOLD):
                chars.append(c)
                starts.append(i)
                ends.append(i + 1)
        folded_text = "".join(chars)
    # On ASCII text the stdlib ``re`` runs the same character classes several times faster.
    ascii_folded = folded_text.isascii()
    # Undo leetspeak only in words that have at least two letters, so numbers stay numbers.
    if not _LEET_CHARS.isdisjoint(folded_text):
        out = list(folded_text)
        for m in (_WORDISH_ASCII if ascii_folded else _WORDISH).finditer(folded_text):
            w = m.group()
            if not _LEET_CHARS.isdisjoint(w) and sum(c.isalpha() for c in w) >= 2 and not w.startswith(("@", "$", "€")):
                for j, c in enumerate(w):
                    if c in _LEET:
                        out[m.start() + j] = _LEET[c]
        folded_text = "".join(out)
    # Spaced-out letters ("k u t", "l.i.a.r") collapse into one word.
    drop: set[int] = set()
    for m in (_SPACED_ASCII if ascii_folded else _SPACED).finditer(folded_text):
        drop.update(j for j in range(m.start(), m.end()) if folded_text[j] in " .")
    if drop:
        keep = [j for j in range(len(folded_text)) if j not in drop]
        folded_text = "".join(folded_text[j] for j in keep)
        starts = [starts[j] for j in keep]
        ends = [ends[j] for j in keep]
    if isinstance(starts, range):
        return Normalized(folded_text, starts, ends)
    return Normalized(folded_text, tuple(starts), tuple(ends))


# --------------------------------------------------------------------------- language

class _LangIdData(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str
    stopwords: dict[Literal["nl", "en"], list[str]]
    other: dict[str, list[str]]


@functools.lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    from .rules import rules_dir, yaml_load

    data = _LangIdData.model_validate(yaml_load((rules_dir() / "_langid.yaml").read_text("utf-8")))
    nl, en = set(data.stopwords["nl"]), set(data.stopwords["en"])
    shared = nl & en  # a word both languages use says nothing about which one this is
    other = set().union(*data.other.values()) - nl - en
    return {"nl": frozenset(nl - shared), "en": frozenset(en - shared), "other": frozenset(other)}


_WORD = regex.compile(r"[\p{L}']+")
_LETTER = regex.compile(r"\p{L}")
_NON_LATIN = regex.compile(r"(?!\p{Latin})\p{L}")
_NOT_WORDS = regex.compile(r"(?:https?://|www\.)\S*|[@#][\w.]*")
# Letter sequences typical of one language, for posts with few function words.
_NL_CUES = regex.compile(r"ij|oe|aa|uu|sch|ui|eu|cht|gel?ijk|heid\b|lijk\b|tje\b")
_EN_CUES = regex.compile(r"th|wh|ing\b|tion\b|ly\b|ould\b|ea|ou\b|w[aeiou]")
# The same for ASCII posts (the usual case), with stdlib re: several times faster, same matches there.
_WORD_ASCII = re.compile(r"[A-Za-z']+")
_NL_CUES_ASCII = re.compile(_NL_CUES.pattern)
_EN_CUES_ASCII = re.compile(_EN_CUES.pattern)


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    lang: Literal["nl", "en"] | None
    confidence: float
    status: Literal["single", "mixed", "other", "too_short"]
    scores: dict[str, float] = field(default_factory=dict)


def detect_language(text: str) -> LanguageGuess:
    """Offline nl/en identification by function words, with letter cues as tie-breaker.

    Returns ``lang=None`` when the post is in neither language or too short to tell.
    """
    sw = _stopwords()
    # Links, @handles and #hashtags are not in any language; styled letters (𝐌𝐞𝐝) are plain ones. Read on
    # the view the rules match (zero-width characters and soft hyphens gone, combining marks and
    # homoglyphs folded): "e\u200b" or a Cyrillic "е" must not turn a Dutch post English and skip its rules.
    head = text[:5000]
    plain = _NOT_WORDS.sub(" ", normalize(head).text if _DISGUISED.search(head) else unicodedata.normalize("NFKC", head))
    ascii_only = plain.isascii()
    words = [w.casefold().strip("'") for w in (_WORD_ASCII if ascii_only else _WORD).findall(plain)]
    words = [w for w in words if w]
    nl = sum(1 for w in words if w in sw["nl"])
    en = sum(1 for w in words if w in sw["en"])
    low = " ".join(words)
    nl_cue = len((_NL_CUES_ASCII if ascii_only else _NL_CUES).findall(low)) * 0.15
    en_cue = len((_EN_CUES_ASCII if ascii_only else _EN_CUES).findall(low)) * 0.15
    s_nl, s_en = nl + nl_cue, en + en_cue
    total = s_nl + s_en
    scores = {"nl": round(s_nl, 2), "en": round(s_en, 2)}
    if not words or total < (0.15 if len(words) >= 5 else 0.5):  # 5+ words: one cue decides
        # A sentence in another script (Russian, Greek, Arabic) is no short post: it is in another language.
        if len(words) >= 6 and not ascii_only and 2 * len(_NON_LATIN.findall(head)) > len(_LETTER.findall(head)):
            return LanguageGuess(None, 0.0, "other", scores)
        return LanguageGuess(None, 0.0, "too_short", scores)
    other = sum(1 for w in words if w in sw["other"])
    # "other" needs evidence of another language, not just names and places (an address list).
    if len(words) >= 6 and other and ((nl + en) / len(words) < 0.08 or other > 1.5 * max(nl, en)):
        return LanguageGuess(None, 0.0, "other", scores)
    lang: Literal["nl", "en"] = "nl" if s_nl >= s_en else "en"
    share = max(s_nl, s_en) / total
    status: Literal["single", "mixed"] = "mixed" if min(nl, en) >= 3 and share < 0.65 else "single"
    return LanguageGuess(lang, round(share, 3), status, scores)


def _vote_by_vocabulary(text: str) -> Literal["nl", "en"] | None:
    """A post too short for function words ("Councillor Hill lied.") by the words only one language has
    (spaCy's lookup tables): two to one or better decides, else None (the default language)."""
    words = [w.casefold() for w in _WORD.findall(_NOT_WORDS.sub(" ", text[:2000]))]
    if not words:
        return None
    nl_words, en_words = word_forms()
    nl = sum(1 for w in words if w in nl_words and w not in en_words)
    en = sum(1 for w in words if w in en_words and w not in nl_words)
    if max(nl, en) >= 1 and max(nl, en) >= 2 * min(nl, en) and nl != en:
        return "nl" if nl > en else "en"
    return None


# --------------------------------------------------------------------------- spaCy

def _sentences(doc: "Doc") -> "Doc":
    """spaCy's ``sentencizer`` (its default punctuation), and a line break ends a sentence too.

    The rule of ``spacy.pipeline.Sentencizer.predict``: a sentence starts at the first token that is
    neither punctuation nor sentence-final after a run with a sentence-final character ("." "!" "?"...).
    Posts also use line breaks as sentence ends: the token after one that holds a line break starts a
    sentence. Read from token arrays: the sentencizer makes a Token object per word, which costs more
    than the rule (about 60 us of a 300-character post, on every post).
    """
    n = len(doc)
    if not n:
        return doc
    import numpy
    from spacy.attrs import IS_PUNCT, ORTH, SENT_START

    strings = doc.vocab.strings
    kind_of: dict[int, tuple[bool, bool]] = _per_strings(_TOKEN_KINDS, id(strings), strings)
    final = _sentence_final()
    starts = [-1] * n
    starts[0] = 1
    seen_final = after_break = False
    for i, (orth, is_punct) in enumerate(doc.to_array([ORTH, IS_PUNCT]).tolist()):
        kind = kind_of.get(orth)
        if kind is None:  # (sentence-final, holds a line break), worked out once per word
            text = strings[orth]
            kind = kind_of[orth] = (text in final, "\n" in text)
        if after_break:
            starts[i] = 1
        if seen_final and not is_punct and not kind[0]:
            starts[i] = 1
            seen_final = False
        elif kind[0]:
            seen_final = True
        after_break = kind[1]
    doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.int64).astype(numpy.uint64).reshape(n, 1))
    return doc


_TOKEN_KINDS: dict[int, tuple[object, dict]] = {}


def _per_strings(table: dict, key: object, strings: object) -> dict:
    """A memo of word hashes for one spaCy string store (keyed by identity, checked with ``is``);
    started over past 500 000 entries, as new words keep coming in a long batch."""
    got = table.get(key)
    if got is None or got[0] is not strings or len(got[1]) > 500_000:
        got = table[key] = (strings, {})
    return got[1]


@functools.lru_cache(maxsize=1)
def _sentence_final() -> frozenset[str]:
    from spacy.pipeline import Sentencizer

    return frozenset(Sentencizer.default_punct_chars)


# Characters that every tokenizer exception holding one is looked up by (see _OnDemandExceptions).
_PIVOTS = ".'’"
_PIVOT = re.compile("[.'’]")


class _OnDemandExceptions:
    """spaCy's tokenizer exceptions for a language, split into those always loaded and those a text may need.

    A blank Dutch pipeline adds 4 670 exceptions ("bijv.", "a.s.", "'s") one by one when it is built:
    about 0.5 s of a command-line run on one post. Nearly all of them hold a ``.`` or an apostrophe,
    and an exception can only change a text's tokens if it occurs in the text with the spaces taken out
    (the tokenizer matches it within a space-free chunk, or as consecutive tokens, which a single space
    at most separates). So those are indexed by what precedes their first such character and added when
    a text first holds them; the rest (emoticons, "dont", white space) are loaded up front. The tokens
    are the same as with all exceptions loaded (``tests/test_analysis.py`` compares both).
    """

    def __init__(self, exceptions: dict) -> None:
        self.always: dict = {}
        self._exceptions = exceptions
        # Indexed by up to two characters before the first pivot, the pivot, and the character after it
        # (if any): a text is then looked up at its few pivots only, and each lookup finds a handful.
        self._by_context: dict[str, list[tuple[int, str]]] = {}
        for string in exceptions:
            q = next((i for i, ch in enumerate(string) if ch in _PIVOTS), -1)
            if q < 0 or any(ch.isspace() for ch in string):
                self.always[string] = exceptions[string]
            else:
                self._by_context.setdefault(string[max(0, q - 2):q + 2], []).append((q, string))

    def needed(self, text: str, loaded: dict) -> list[str]:
        """The exceptions occurring in ``text`` (spaces removed) that are not ``loaded`` yet."""
        if "." not in text and "'" not in text and "’" not in text:
            return []
        flat = text.replace(" ", "")
        by_context = self._by_context
        out: list[str] = []
        for m in _PIVOT.finditer(flat):
            p = m.start()
            for a in (p - 2, p - 1, p):
                if a < 0:
                    continue
                for b in (p + 1, p + 2):
                    for q, string in by_context.get(flat[a:b], ()):
                        if min(q, 2) == p - a and string not in loaded and flat.startswith(string, p - q) and string not in out:
                            out.append(string)
        return out

    def substrings(self, string: str) -> list:
        return self._exceptions[string]

    @property
    def all(self) -> dict:
        return self._exceptions


@functools.lru_cache(maxsize=1)
def _on_demand_tokenizer_class() -> type:
    from spacy.tokenizer import Tokenizer

    class OnDemandTokenizer(Tokenizer):
        """``Tokenizer`` that first adds the exceptions a text holds (``_OnDemandExceptions``)."""

        exceptions: "_OnDemandExceptions | None" = None  # None once every exception is loaded
        lock = threading.Lock()  # replaced per instance; adding a case must not overlap a tokenization

        def __call__(self, string):
            if self.exceptions is not None:
                with self.lock:
                    exceptions = self.exceptions
                    if exceptions is not None:
                        for chunk in exceptions.needed(string, self.rules):  # each flushes the cache: rare
                            self.add_special_case(chunk, exceptions.substrings(chunk))
                        return super().__call__(string)
            return super().__call__(string)

        def load_all(self) -> None:
            """Add every exception now: a warm pipeline then skips the lookup on each text (~20 us)."""
            with self.lock:
                if self.exceptions is not None:
                    self.rules = self.exceptions.all
                    self.exceptions = None

        def __reduce__(self):  # a copy (e.g. a worker process) starts from the language's defaults again
            return (_unpickle_tokenizer, (self.vocab.lang,))

    return OnDemandTokenizer


def _on_demand_tokenizer(nlp: "Language"):
    """spaCy's default tokenizer for ``nlp``'s language, with its exceptions added as texts need them."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    exceptions = _OnDemandExceptions(defaults.tokenizer_exceptions)
    tokenizer = _on_demand_tokenizer_class()(
        nlp.vocab,
        rules=exceptions.always,
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer if defaults.infixes else None,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )
    tokenizer.exceptions = exceptions
    tokenizer.lock = threading.Lock()
    return tokenizer


def _unpickle_tokenizer(lang: str):
    return build_nlp(lang).tokenizer


def _register_tokenizer() -> str:
    from spacy.util import registry

    name = "socialrisk.on_demand_exceptions.v1"
    if name not in registry.tokenizers:
        registry.tokenizers.register(name, func=lambda: _on_demand_tokenizer)
    return name


@functools.lru_cache(maxsize=None)
def build_nlp(lang: str, model: str | None = None) -> "Language":
    """A blank pipeline (tokenizer, sentences, lookup lemmas), or a trained one by name."""
    import spacy
    from spacy.language import Language

    if model:
        try:
            nlp = spacy.load(model)
        except OSError:
            from .errors import ConfigError

            raise ConfigError(
                f"spaCy pipeline {model!r} is not installed (it is never downloaded at run time)",
                key=f"spacy_models.{lang}",
            ) from None
        if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
            nlp.add_pipe("sentencizer")
        _BUILT.append((nlp, len(nlp.vocab.strings)))
        return nlp
    if "socialrisk_lemmas" not in Language.factories:
        Language.component("socialrisk_lemmas")(_lookup_lemmas)
        Language.component("socialrisk_sentences")(_sentences)
    nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": _register_tokenizer()}}})
    nlp.add_pipe("socialrisk_sentences")
    nlp.add_pipe("socialrisk_lemmas")
    _BUILT.append((nlp, len(nlp.vocab.strings)))
    return nlp


# --------------------------------------------------------------------------- bounded vocabulary

# Every pipeline build_nlp made, with the size of its string store when it was made.
_BUILT: list[tuple["Language", int]] = []
_ZONE_LOCK = threading.Lock()
_zone_users = 0
_zone: "contextlib.ExitStack | None" = None


@contextlib.contextmanager
def transient_words(budget: int) -> Iterator[None]:
    """Run one check so that, once a pipeline's string store has grown by more than ``budget`` strings, the
    words the check adds are freed when it ends (spaCy's ``memory_zone``).

    spaCy keeps every new token (a link, a handle, a number, a name) for the life of the pipeline: a long-lived
    process would grow without end. Below the budget nothing changes: new words stay, and the tokenizer keeps
    caching them. Pipelines are shared by every Pipeline in the process and zones must not nest, so concurrent
    checks (threads) share one zone: the first to start opens it, the last to finish closes it. Nothing a check
    returns refers to spaCy objects, so nothing outlives the zone; the tokenizer's exceptions are all loaded
    before a zone opens (a special case added inside one would point at freed words).
    """
    global _zone_users, _zone
    with _ZONE_LOCK:
        if _zone_users == 0:
            over = [nlp for nlp, start in _BUILT if len(nlp.vocab.strings) - start > budget]
            if over:
                stack = contextlib.ExitStack()
                try:
                    for nlp in over:
                        load_all = getattr(nlp.tokenizer, "load_all", None)
                        if load_all is not None:
                            load_all()
                        stack.enter_context(nlp.memory_zone())
                except BaseException:
                    stack.close()
                    raise
                _zone = stack
        _zone_users += 1
    try:
        yield
    finally:
        with _ZONE_LOCK:
            _zone_users -= 1
            if _zone_users == 0 and _zone is not None:
                stack, _zone = _zone, None
                stack.close()


@functools.lru_cache(maxsize=None)
def lemma_table(lang: str) -> Mapping[str, str]:
    """spaCy's lookup-lemma table for a language (``spacy-lookups-data``), as a plain dict; {} if absent.

    spaCy's own lookup lemmatizer builds a hashed ``Table`` from the same file, which costs about 1.5 s
    for Dutch's 213 000 forms; a dict read from the JSON costs 0.2 s and gives the same lemmas.
    The start-up cache (``_cache``, keyed by the file's content) keeps it as a ``SortedTable``, which loads
    in milliseconds: the command line uses it as it is while it starts up (a few hundred lookups), and
    any other process turns it into a dict (0.05 s). Built afresh (no entry yet), it stays a dict.
    """
    from ._cache import cached
    from ._sorted import SortedTable

    try:
        path = _lookups_path(lang, "lemma_lookup")
        raw = path.read_bytes()
    except (ImportError, OSError):
        return {}
    key = f"{path}\0{hashlib.sha256(raw).hexdigest()}"
    return cached("lemmas", key, lambda: _lemma_dict(raw), pack=SortedTable, unpack=lambda table: dict(table.items()),
                  code=("analysis", "_sorted"), source=str(path))


def _lemma_dict(raw: bytes) -> dict[str, str]:
    table = json.loads(gzip.decompress(raw))
    return table if isinstance(table, dict) else {}


def _lookups_path(lang: str, table: str) -> Path:
    import spacy_lookups_data

    return Path(spacy_lookups_data.__file__).parent / "data" / f"{lang}_{table}.json.gz"


def lookups_table(lang: str, table: str) -> object:
    """One JSON table shipped by ``spacy-lookups-data`` (installed data, read from disk)."""
    with gzip.open(_lookups_path(lang, table), "rb") as fh:
        return json.loads(fh.read())


@functools.lru_cache(maxsize=1)
def word_forms() -> tuple[Set[str], Set[str]]:
    """Dutch and English word forms, from spaCy's lookup tables (installed data, read once): hashtag and
    emoji-in-word checks (platform) and the language of a post too short for function words.

    Building them takes about 0.4 s, paid by every command-line run on a post with a lower-case hashtag,
    so the command line keeps them in the start-up cache, keyed by the tables' content, as ``SortedWords``:
    used as they are while it starts up (a few milliseconds to read; a lookup costs 5 µs instead of
    0.05), turned into frozensets after that (0.1 s). A long-running process (a notebook, a batch) builds
    them once instead: the sets then share their strings with the lemma tables, 30 MB less than a copy
    read from the cache.
    """
    from ._cache import cached, is_writing
    from ._sorted import SortedWords

    if not is_writing():
        return _build_word_forms()
    try:
        paths = [_lookups_path(lang, table) for lang in ("nl", "en") for table in ("lemma_lookup", "lemma_index")]
        digest = hashlib.sha256(b"".join(path.read_bytes() for path in paths)).hexdigest()
    except (ImportError, OSError):
        return _build_word_forms()

    def pack(sets: tuple[frozenset[str], frozenset[str]]) -> tuple[SortedWords, SortedWords]:
        return SortedWords(sets[0]), SortedWords(sets[1])

    def unpack(words: tuple[SortedWords, SortedWords]) -> tuple[frozenset[str], frozenset[str]]:
        return frozenset(words[0]), frozenset(words[1])

    return cached("vocabulary", digest, _build_word_forms, pack=pack, unpack=unpack,
                  code=("analysis", "_sorted"), source=str(paths[0].parent))


def _build_word_forms() -> tuple[frozenset[str], frozenset[str]]:
    out = []
    for lang in ("nl", "en"):
        lookup = lemma_table(lang)  # the analysis' own table: its strings are shared, not loaded twice
        words: set[str] = {*lookup, *lookup.values()}
        for forms in lookups_table(lang, "lemma_index").values():
            words.update(forms)
        out.append(frozenset(w for w in words if w.isalpha() and w.islower()))
    return out[0], out[1]


# spaCy's Dutch lookup lemmatizer looks up the lower-cased form (its table's keys are lower case);
# the generic one looks up the form as written. Same behaviour here.
_LOWERCASE_LOOKUP = frozenset({"nl"})


# Per language and string store: a word's hash -> its lemma's hash, so a post's lemmas are set from an
# array (creating a Token object per word costs more than the lookup itself).
_LEMMA_IDS: dict[tuple[str, int], tuple[object, dict[int, int]]] = {}


def _lookup_lemmas(doc: "Doc") -> "Doc":
    """Lookup lemmas as spaCy's ``lemmatizer`` in ``lookup`` mode sets them, with the table loaded lazily."""
    if not len(doc):
        return doc
    import numpy
    from spacy.attrs import LEMMA, ORTH

    strings = doc.vocab.strings
    ids: dict[int, int] = _per_strings(_LEMMA_IDS, (doc.lang_, id(strings)), strings)
    table = lemma_table(doc.lang_)
    lower = doc.lang_ in _LOWERCASE_LOOKUP
    # A remembered lemma's string may have been new in a memory zone that has ended (transient_words), and
    # freed with it: then it is added again (the check is a hash lookup, ~1 us a post).
    out = []
    for orth in doc.to_array(ORTH).tolist():
        lemma = ids.get(orth)
        if lemma is None or lemma not in strings:
            text = strings[orth]
            form = text.lower() if lower else text
            lemma = ids[orth] = strings.add(table.get(form, form))
        out.append(lemma)
    doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64))
    return doc


_LONG_CHUNK = regex.compile(r"\S{200,}")
_SURROGATE = regex.compile("[\ud800-\udfff]")
_PIECE = 100


def parse_text(nlp: "Language", text: str) -> "Doc":
    """``nlp(text)``, except that lone surrogates read as U+FFFD and runs of 200+ non-space characters become 100-character tokens.

    spaCy's tokenizer peels prefixes off a chunk one at a time, rescanning the rest each time: on
    100 000 characters of punctuation that is quadratic (minutes). No word is that long.
    """
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates crash spaCy; U+FFFD keeps every offset
            text = _SURROGATE.sub("\ufffd", text)
    if _LONG_CHUNK.search(text) is None:
        return nlp(text)
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in (*_LONG_CHUNK.finditer(text), None):
        seg = text[pos: m.start() if m else len(text)]
        if seg:
            for t in nlp.make_doc(seg):
                words.append(t.text)
                spaces.append(bool(t.whitespace_))
        if m:
            chunk = m.group()
            for i in range(0, len(chunk), _PIECE):
                words.append(chunk[i: i + _PIECE])
                spaces.append(False)
            pos = m.end()
    return nlp(Doc(nlp.vocab, words=words, spaces=spaces))


# --------------------------------------------------------------------------- surface features

_TLDS = "nl|com|org|net|eu|be|io|ly|gov|info|co|uk|de|me|app|social"
_URL = regex.compile(
    r"(?:https?://|www\.)[^\s<>\"'“”‘’]+"
    rf"|(?<![@\w.-])(?:[a-z0-9-]++\.)+(?:{_TLDS})"
    r"(?:/[^\s<>\"'“”‘’]*)?(?![\w@])",
    regex.IGNORECASE,
)
# The same on ASCII text with the stdlib ``re`` (possessive ``++`` since Python 3.11): about twice as fast.
_URL_ASCII = re.compile(_URL.pattern, re.IGNORECASE) if sys.version_info >= (3, 11) else None
# What every _URL match contains, in the case-folded text: "://", "www." or a dot before a domain ending.
# Most posts have none, and this test is far cheaper than the scan (which tries every position).
_URL_HINT = re.compile(rf"://|www\.|\.(?:{_TLDS})")
_MENTION = regex.compile(r"(?<![\w@/.])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:@[A-Za-z0-9.-]+\.[a-z]{2,})?")
_HASHTAG = regex.compile(r"(?<![\w#&/])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*")
# a flag is two regional indicators; \\X on a run of them counts the run back to its start each time (quadratic)
_EMOJI = regex.compile(r"\p{Regional_Indicator}{1,2}|(?=\p{Extended_Pictographic})\X")
_MONTHS = (
    r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|maart|march|mar|apr(?:il)?|mei|may|juni?|june|juli?|july|"
    r"aug(?:ustus|ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# Bounded repetition and no start inside a digit run keep every number pattern linear in the post
# length (unbounded \d+ tried from each digit of a long run is quadratic: minutes on 100k digits).
_NUM = r"(?<!\d)(?:\d{1,3}(?:[.,\u00a0 ]\d{3}){1,8}(?:[.,]\d{1,8})?|\d{1,24}(?:[.,]\d{1,8})?)"
_NUMBER_KINDS = [
    ("date", regex.compile(
        rf"\b\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}|\d{{2}})\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
        rf"|\b\d{{1,2}}(?:e|ste|de|st|nd|rd|th)?\s+(?:{_MONTHS})\b\.?(?:\s+\d{{4}})?"
        rf"|\b(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?",
        regex.IGNORECASE,
    )),
    ("time", regex.compile(r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?(?:uur|u|am|pm|a\.m\.|p\.m\.))?\b|\b\d{1,2}\s?(?:uur|am|pm)\b", regex.IGNORECASE)),
    ("money", regex.compile(
        rf"(?:[€$£]\s?(?:{_NUM})(?:\s?(?:mln|mld|miljoen|miljard|million|billion|bn|m|k))?)"
        rf"|(?:(?:{_NUM})\s?(?:mln\.?|mld\.?|miljoen|miljard|million|billion|duizend|thousand)?\s?(?:euro|eur|dollar|pond|pounds?)\b)",
        regex.IGNORECASE,
    )),
    ("percent", regex.compile(rf"(?:{_NUM})\s?(?:%|procent\b|percent\b|per cent\b|procentpunt\w*|percentage points?)", regex.IGNORECASE)),
    ("year", regex.compile(r"\b(?:19|20)\d{2}\b")),
    ("number", regex.compile(rf"(?<![\w.,])(?:{_NUM})(?![\w])")),
]
_DIGIT = regex.compile(r"\d")
# Text every match of a kind contains (in the case-folded post): its currency sign or word, its percent
# sign or word. Cheaper than the kind's own scan, and true of every match, so skipping it loses none.
_NUMBER_HINTS = {
    "money": re.compile(r"[€$£]|eur|dollar|pond|pound"),
    "percent": re.compile(r"%|procent|percent|per cent"),
}
_QUOTE = regex.compile(
    # An opening mark ends the body, so scans from different openers never overlap (linear time).
    r"\"[^\"\n]{1,400}\"|“[^“”\n]{1,400}”|„[^„”“\n]{1,400}[”“]|‘[^‘’\n]{1,400}’|«[^«»\n]{1,400}»"
    r"|(?<![\p{L}\p{N}])'[^'\n]{1,200}'(?![\p{L}\p{N}])"
)


@dataclass(frozen=True, slots=True)
class Feature:
    """A surface element of the post. ``value`` is the canonical form (e.g. a URL without punctuation)."""

    kind: str
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return Span(start=self.start, end=self.end, excerpt=self.text)


def _features(text: str, pattern: "regex.Pattern | re.Pattern", kind: str, trim: str = "") -> list[Feature]:
    out = []
    for m in pattern.finditer(text):
        s, e = m.span()
        while trim and e > s and text[e - 1] in trim:
            e -= 1
        if e > s:
            out.append(Feature(kind, s, e, text[s:e]))
    return out


def _numbers(text: str) -> list[Feature]:
    # ``taken`` stays sorted and disjoint, so an overlap test looks at two neighbours (bisect), not
    # at every earlier number: a post of 50 000 numbers must not take minutes.
    starts: list[int] = []
    ends: list[int] = []
    out: list[Feature] = []
    if _DIGIT.search(text) is None:  # every kind needs a digit; most sentences have none
        return out
    folded = text.casefold()
    for kind, pat in _NUMBER_KINDS:
        hint = _NUMBER_HINTS.get(kind)
        if hint is not None and hint.search(folded) is None:
            continue  # the kind's currency or percent word is not in the post: no match possible
        for m in pat.finditer(text):
            s, e = m.span()
            i = bisect.bisect_left(starts, s)
            if (i > 0 and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
                continue
            starts.insert(i, s)
            ends.insert(i, e)
            out.append(Feature(kind, s, e, text[s:e]))
    return sorted(out, key=lambda f: f.start)


def _outside(features: list[Feature], *covers: list[Feature]) -> list[Feature]:
    """The features that do not start inside any feature of ``covers``."""
    spans = sorted((c.start, c.end) for cover in covers for c in cover)
    if not spans:
        return features
    starts = [s for s, _ in spans]
    reach: list[int] = []  # furthest end among spans starting at or before each start
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    out = []
    for f in features:
        i = bisect.bisect_right(starts, f.start) - 1
        if i < 0 or reach[i] <= f.start:
            out.append(f)
    return out


# --------------------------------------------------------------------------- the analysis

@dataclass(slots=True)
class Analysis:
    """Everything checkers need to know about one post, computed once."""

    post: Post
    lang: Literal["nl", "en"]
    lang_source: Literal["given", "detected", "default"]
    lang_guess: LanguageGuess
    doc: "Doc"
    norm: Normalized
    urls: list[Feature]
    mentions: list[Feature]
    hashtags: list[Feature]
    emoji: list[Feature]
    numbers: list[Feature]
    quotes: list[Feature]
    cache: dict = field(default_factory=dict)  # checkers may memoise shared derived data here

    @property
    def text(self) -> str:
        return self.post.text

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence, trimmed of surrounding white space."""
        got = self.cache.get("_sentences")
        if got is None:
            got = []
            for s in self.doc.sents:
                a, b = s.start_char, s.end_char
                seg = self.text[a:b]
                a += len(seg) - len(seg.lstrip())
                b -= len(seg) - len(seg.rstrip())
                if b > a:
                    got.append((a, b))
            self.cache["_sentences"] = got
        return got

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end, excerpt=self.text[start:end])

    @property
    def sentence_starts(self) -> list[int]:
        """The start of each sentence, in order (spaCy's sentences are sorted and never overlap)."""
        sents = self.sentences
        got = self.cache.get("_sentence_starts")
        if got is None or got[0] is not sents:
            got = self.cache["_sentence_starts"] = (sents, [a for a, _ in sents])
        return got[1]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence that holds ``offset``, by bisection (checkers ask once per hit, and a long post has many);
        between sentences the whole text."""
        sents = self.sentences
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        if k >= 0 and offset < sents[k][1]:
            return sents[k]
        return 0, len(self.text)

    def inside(self, start: int, end: int, features: list[Feature]) -> Feature | None:
        """The feature (e.g. a URL) that covers ``[start, end)``, if any."""
        for f in features:
            if f.start <= start and end <= f.end:
                return f
        return None


def analyse(post: Post, nlp_for, lang_hint: str | None, default_lang: str) -> Analysis:
    """Run the shared analysis. ``nlp_for(lang)`` returns the spaCy pipeline of a language."""
    text = post.text
    guess = detect_language(text)
    voted = None if lang_hint or guess.status != "too_short" else _vote_by_vocabulary(text)
    if lang_hint:
        lang, source = lang_hint, "given"
    elif guess.lang is not None:
        lang, source = guess.lang, "detected"
    elif voted is not None:
        lang, source = voted, "detected"
    else:
        lang, source = default_lang, "default"
    doc = parse_text(nlp_for(lang), text)
    urls = []
    if _URL_HINT.search(text.casefold()):
        url_rx = _URL_ASCII if _URL_ASCII is not None and text.isascii() else _URL
        urls = _features(text, url_rx, "url", trim=".,;:!?)]}'\"…")
    mentions = _outside(_features(text, _MENTION, "mention", trim="."), urls)
    hashtags = _outside(_features(text, _HASHTAG, "hashtag"), urls)
    return Analysis(
        post=post,
        lang=lang,  # type: ignore[arg-type]
        lang_source=source,  # type: ignore[arg-type]
        lang_guess=guess,
        doc=doc,
        norm=normalize(text),
        urls=urls,
        mentions=mentions,
        hashtags=hashtags,
        emoji=_features(text, _EMOJI, "emoji"),
        numbers=_outside(_numbers(text), urls, mentions, hashtags),
        quotes=_features(text, _QUOTE, "quote"),
    )
