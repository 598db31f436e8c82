"""Presidio on our own spaCy pipelines: recognizers built from privacy rules, and a name gazetteer.

Imported only on the privacy checker's first ``check`` (Presidio is heavy and must not load with
``import socialrisk``). Nothing here downloads: the NLP engine wraps the Pipeline's spaCy pipelines,
and e-mail validation uses tldextract's bundled suffix list.
"""

from __future__ import annotations

import bisect
import copy
import functools
import hashlib
import itertools
import logging
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import regex
from presidio_analyzer import AnalysisExplanation, AnalyzerEngine, EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer import Pattern as PresidioPattern
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer, LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.recognizer_registry import RecognizerRegistry
from pydantic import BaseModel, ConfigDict, Field

from ._match import VALIDATORS, compile_pattern, scan

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..rules import Rule

__all__ = ["NameData", "CensusFirstNames", "CensusSurnames", "FakerNames", "name_data", "OwnSpacyNlpEngine", "RuleRecognizer", "NameRecognizer", "build_analyzer"]

LANGS = ("nl", "en")


# --------------------------------------------------------------------------- name data

class _PerLang(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    nl: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    def get(self, lang: str) -> list[str]:
        return list(getattr(self, lang, []))

    def both(self) -> list[str]:
        return [*self.nl, *self.en]


class LoneNameCues(BaseModel):
    """``lone_names`` of ``_names.yaml``: what makes one or two capitalised words a person's name."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    strong_before: _PerLang = Field(default_factory=_PerLang, description="after these, any capitalised word is a name")
    before: _PerLang = Field(default_factory=_PerLang, description="cues before a listed or name-like word")
    after: _PerLang = Field(default_factory=_PerLang, description="cues after a listed or name-like word")
    strong_after: _PerLang = Field(default_factory=_PerLang, description="before these, any capitalised word is a name")
    suffixes: list[str] = Field(default_factory=list, description="surname endings (name-like words)")
    letters: str = Field(default="", description="letters English and Dutch words do not use (name-like words)")
    place_prefixes: list[str] = Field(default_factory=list, description="capitalised words that start a place name")
    place_before: _PerLang = Field(
        default_factory=_PerLang, description="after these a lone listed word with no cue is a place (\"in Oosterhout\")"
    )
    street_joiners: list[str] = Field(
        default_factory=list,
        description="tussenvoegsels that, before a street and its number, start the address (\"Piet op de Lindelaan 14\")",
    )


class NameData(BaseModel):
    """Schema of ``rules/common/_names.yaml``: the word lists behind person-name detection."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    first_names: _PerLang
    ambiguous_first_names: list[str] = Field(description="first names that are also ordinary words")
    particles: list[str] = Field(description="tussenvoegsels: van, de, van der, ...")
    honorifics: _PerLang
    public_titles: _PerLang = Field(description="roles that make the person after them a public figure")
    relatives: _PerLang = Field(
        default_factory=_PerLang,
        description="relation nouns: 'de dochter van onze voorzitter, Lisa ...' names the relative, not the office holder",
    )
    public_suffixes: list[str] = Field(
        default_factory=list, description="post-nominal roles that make the person before them a public figure (MP, MEP)"
    )
    not_surnames: list[str] = Field(description="capitalised words that never are a surname")
    not_first_names: list[str] = Field(
        default_factory=list, description="words left out of the large first-name list (months, places, nouns)"
    )
    extra_first_names: list[str] = Field(
        default_factory=list, description="large first-name list: a name only before a surname or after an honorific"
    )
    not_names: list[str] = Field(
        default_factory=list, description="places, organisations, parties: never a person's name on their own"
    )
    lone_names: LoneNameCues = Field(default_factory=lambda: LoneNameCues(), description="cues for names on their own")
    extra_surnames: list[str] = Field(default_factory=list, description="large surname list (generated)")
    lone_excluded: list[str] = Field(
        default_factory=list, description="large-list first names that are ordinary words: never a name alone"
    )
    historical_figures: list[str] = Field(
        default_factory=list,
        description="names of people dead for years whose public lives are history (\"Willem Drees\", \"Churchill\"):"
        " never a private person",
    )


class CensusFirstNames(BaseModel):
    """Schema of ``rules/common/_first_names_census.yaml`` (generated by ``tools/privacy_first_names.py``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    source: str
    count: int
    names: list[str]


class CensusSurnames(BaseModel):
    """Schema of ``rules/common/_surnames_census.yaml`` (generated by ``tools/privacy_surnames.py``).

    The lists are space-separated strings: a YAML block scalar loads ~30x faster than a YAML list.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    source: str
    count: int
    surnames: str
    first_names_also_words: str


class FakerNames(BaseModel):
    """Schema of ``rules/common/_names_faker.yaml`` (generated by ``tools/privacy_names_faker.py``).

    Latin-script first names and surnames of Faker's person providers (MIT) for European and
    migrant-origin locales; space-separated strings like ``CensusSurnames``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    source: str
    licence: str
    locales: list[str]
    count_first_names: int
    count_surnames: int
    first_names: str
    surnames: str
    first_names_also_words: str


def _load_generated(file, model: type[BaseModel]) -> BaseModel:
    from ..errors import RulePackError
    from ..rules import yaml_load

    try:
        return model.model_validate(yaml_load(file.read_text("utf-8")))
    except Exception as exc:  # noqa: BLE001 - one error type for a broken data file
        raise RulePackError(f"invalid name data ({type(exc).__name__})", path=str(file)) from None


def _name_files(path: str | None) -> list[Path]:
    """The gazetteer file, and for the shipped one the generated lists it may be completed with."""
    from ..rules import rules_dir

    if path:
        return [Path(path)]
    common = rules_dir() / "common"
    return [common / name for name in ("_names.yaml", "_first_names_census.yaml", "_surnames_census.yaml", "_names_faker.yaml")]


@functools.lru_cache(maxsize=None)
def name_data(path: str | None = None) -> NameData:
    """Load and validate the name gazetteer (the shipped one unless ``path`` is given).

    Cached on disk by the content of its files (see ``_cache``): parsing and validating about
    200 000 names is a tenth of a second of every cold start.
    """
    from .._cache import cached

    files = _name_files(path)
    try:
        digests = [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]
    except OSError:
        return _load_name_data(path)  # no cache: the loader reports an unreadable file
    key = "\0".join([str(path), *map(str, files), *digests])
    return cached("names", key, lambda: _load_name_data(path), code=("checkers._privacy_engine", "rules"), source=str(files[0]))


def _load_name_data(path: str | None) -> NameData:
    from ..errors import RulePackError
    from ..rules import rules_dir, yaml_load

    file = Path(path) if path else rules_dir() / "common" / "_names.yaml"
    try:
        data = NameData.model_validate(yaml_load(file.read_text("utf-8")))
    except Exception as exc:  # noqa: BLE001 - one error type for a broken data file
        raise RulePackError(f"invalid name data ({type(exc).__name__})", path=str(file)) from None
    if path or data.extra_first_names:
        return data  # an own gazetteer brings its own large list (or none)
    common = rules_dir() / "common"
    extra = _load_generated(common / "_first_names_census.yaml", CensusFirstNames)
    last = _load_generated(common / "_surnames_census.yaml", CensusSurnames)
    world = _load_generated(common / "_names_faker.yaml", FakerNames)
    first_x = {*extra.names, *world.first_names.split(), *world.first_names_also_words.split()}
    return data.model_copy(update={
        "extra_first_names": sorted(first_x),
        "extra_surnames": sorted({*last.surnames.split(), *world.surnames.split()}),
        "lone_excluded": sorted({*last.first_names_also_words.split(), *world.first_names_also_words.split()}),
    })


# --------------------------------------------------------------------------- NLP engine

class _LazyPipelines(dict):
    """Every language is listed (Presidio asks which it supports); a pipeline loads on first use."""

    def __init__(self, nlp_for: Callable[[str], object], languages: tuple[str, ...]) -> None:
        super().__init__((lang, None) for lang in languages)
        self._nlp_for = nlp_for

    def __getitem__(self, lang: str) -> object:
        nlp = super().__getitem__(lang)
        if nlp is None:
            nlp = self._nlp_for(lang)
            super().__setitem__(lang, nlp)
        return nlp


class OwnSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine over the Pipeline's own pipelines (blank or configured; never downloaded)."""

    def __init__(self, nlp_for: Callable[[str], object], languages: tuple[str, ...] = LANGS) -> None:
        super().__init__(
            models=[{"lang_code": lang, "model_name": f"socialrisk-{lang}"} for lang in languages],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping={"PERSON": "PERSON", "PER": "PERSON"}, labels_to_ignore=[]
            ),
        )
        self._nlp_for = nlp_for
        self._languages = languages

    def load(self) -> None:
        self.nlp = _LazyPipelines(self._nlp_for, self._languages)

    def artifacts(self, doc: "Doc", language: str) -> NlpArtifacts:
        """NlpArtifacts of an already tokenised Doc (the shared analysis), without re-running spaCy."""
        persons = [e for e in doc.ents if e.label_ in ("PERSON", "PER")]  # read only: the Doc is shared
        return _DocArtifacts(doc, persons, self, language)

    def _doc_to_nlp_artifact(self, doc: "Doc", language: str) -> NlpArtifacts:
        return self.artifacts(doc, language)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one engine per checker; words repeat across posts
    def is_stopword(self, word: str, language: str) -> bool:
        return self.nlp[language].vocab[word].is_stop

    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def is_punct(self, word: str, language: str) -> bool:
        return self.nlp[language].vocab[word].is_punct


class _DocArtifacts(NlpArtifacts):
    """NlpArtifacts whose token offsets, lemmas and keywords are derived from the Doc when first read.

    Only the context enhancer reads them, and only for a post with a hit whose rule has context words;
    Presidio's ``__init__`` would derive keywords from every lemma of every post, so it is not called.
    """

    def __init__(self, doc: "Doc", persons: list, nlp_engine: "OwnSpacyNlpEngine", language: str) -> None:  # noqa: D107
        self.entities = persons
        self.tokens = doc
        self.nlp_engine = nlp_engine
        self.scores = [0.85] * len(persons)
        self._language = language

    @functools.cached_property
    def _rows(self) -> list[list[int]]:
        # Arrays instead of Token objects: creating a Token per word costs more than the recognizers.
        return self.tokens.to_array(["IDX", "LEMMA", "LOWER"]).tolist() if len(self.tokens) else []

    @functools.cached_property
    def tokens_indices(self) -> list[int]:  # type: ignore[override]
        return [row[0] for row in self._rows]

    @functools.cached_property
    def lemmas(self) -> list[str]:  # type: ignore[override]
        strings = self.tokens.vocab.strings
        return [strings[row[1] or row[2]] for row in self._rows]

    @functools.cached_property
    def keywords(self) -> list[str]:  # type: ignore[override]
        return NlpArtifacts.set_keywords(self.nlp_engine, self.lemmas, self._language)

    @functools.cached_property
    def token_ends(self) -> list[int]:
        """The end offset of each token (increasing: tokens do not overlap)."""
        return [idx + n for idx, n in self.tokens.to_array(["IDX", "LENGTH"]).tolist()] if len(self.tokens) else []

    @functools.cached_property
    def keyword_positions(self) -> list[int]:
        """The token indexes whose lower-cased lemma is a keyword, in order."""
        keywords = set(self.keywords)
        return [i for i, lemma in enumerate(self.lemmas) if lemma.lower() in keywords]


class _ContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, skipped when no hit has context words to look for."""

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        with_context = {r.id for r in recognizers if r.context}
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        if not any(r.recognition_metadata.get(key) in with_context for r in raw_results):
            return raw_results  # the common case: nothing to raise, and no deep copy of the results
        if nlp_artifacts is None:
            return super().enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)
        # Presidio's loop, without its deep copy of every result (of a post with thousands of numbers, most
        # of the time): a result whose score is raised is copied, the others are passed on as they are
        # (they are this call's own, made by the recognizers for this post).
        by_id = {r.id: r for r in recognizers}
        extra = [w.lower() for w in context] if context else []
        enhanced = RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY
        out = []
        for result in raw_results:
            meta = result.recognition_metadata
            recognizer = by_id.get(meta[key]) if meta and key in meta else None
            if recognizer is None or not recognizer.context or meta.get(enhanced):
                out.append(result)
                continue
            words = self._extract_surrounding_words(nlp_artifacts, text[result.start:result.end], result.start)
            words.extend(extra)
            word = self._find_supportive_word_in_context(words, recognizer.context, self.context_matching_mode)
            if word == "":
                out.append(result)
                continue
            result = copy.copy(result)
            result.analysis_explanation = copy.copy(result.analysis_explanation)
            result.score = min(max(result.score + self.context_similarity_factor, self.min_score_with_context_similarity),
                               ContextAwareEnhancer.MAX_SCORE)
            result.analysis_explanation.set_supportive_context_word(word)
            result.analysis_explanation.set_improved_score(result.score)
            out.append(result)
        return out

    def _extract_surrounding_words(self, nlp_artifacts: NlpArtifacts, word: str, start: int) -> list[str]:
        """Presidio's context words of a hit, found by bisection instead of walks over the whole post.

        Presidio looks for the hit's token from the first token on, and for the ``n`` keywords before and
        after it with a membership test in the list of all keywords: per hit that is the length of the
        post, so a long post with many numbers took minutes. The same words, in O(log n) per hit.
        """
        if not isinstance(nlp_artifacts, _DocArtifacts):
            return super()._extract_surrounding_words(nlp_artifacts, word, start)
        if not nlp_artifacts.tokens:
            return [""]
        # the first token that ends after ``start`` (Presidio: starts at it, or covers it)
        index = bisect.bisect_right(nlp_artifacts.token_ends, start)
        if index == len(nlp_artifacts.token_ends):
            raise ValueError(f"Did not find word '{word}' in the list of tokens although it is expected to be found")
        positions = nlp_artifacts.keyword_positions
        cut = bisect.bisect_right(positions, index)  # positions[:cut] <= index
        back = positions[max(0, cut - self.context_prefix_count - 1):cut]
        cut = bisect.bisect_left(positions, index)  # positions[cut:] >= index
        forward = positions[cut:cut + self.context_suffix_count + 1]
        lemmas = nlp_artifacts.lemmas
        return list({lemmas[i].lower() for i in [*back, *forward]})


# --------------------------------------------------------------------------- recognizers

def _explanation(name: str, pattern: str, score: float, validated: bool | None) -> AnalysisExplanation:
    return AnalysisExplanation(
        recognizer=name, original_score=score, pattern_name=pattern, validation_result=validated
    )


class _DeclaredPattern(PresidioPattern):
    """A Presidio Pattern as metadata only: not compiled again (``RuleRecognizer`` compiles it once, via _match).

    Presidio's ``Pattern.__init__`` compiles every regex to validate it, with other flags than ours, so
    the slow ``regex`` compiler ran twice per pattern when the analyzer was built.
    """

    def __init__(self, name: str, regex_src: str, score: float) -> None:  # noqa: D107 - no super(): no compile
        self.name, self.regex, self.score = name, regex_src, score
        self.compiled_regex = None
        self.compiled_with_flags = None


class RuleRecognizer(PatternRecognizer):
    """A Presidio pattern recognizer declared by one rule: patterns, validator, context, one language.

    A regex proposes at its pattern score; the validator drops a hit or lifts it to
    ``params.validated_score`` (1.0 unless the rule says less); context words then raise it.
    Patterns run through ``_match`` (``regex`` module, with its timeout).
    """

    def __init__(self, rule: "Rule", lang: str) -> None:
        specs = rule.match.patterns_for(lang)
        super().__init__(
            supported_entity=str(rule.params["entity"]),
            name=f"{rule.id}:{lang}",
            supported_language=lang,
            patterns=[_DeclaredPattern(p.name, p.regex, p.score) for p in specs],
            context=[w for term in rule.match.context_for(lang) for w in term.lower().split()],
        )
        self.rule_id = rule.id
        self._compiled = [compile_pattern(p) for p in specs]
        # A cheap test a post must pass before a costly pattern runs on it ("@" before an e-mail pattern).
        pre = rule.params.get("prefilter", {})
        self._prefilter = {name: regex.compile(rx) for name, rx in pre.items()}
        self._validate = VALIDATORS[rule.match.validator] if rule.match.validator else None
        self._validated_score = float(rule.params.get("validated_score", EntityRecognizer.MAX_SCORE))

    def validate_result(self, pattern_text: str) -> bool | None:
        return self._validate(pattern_text) if self._validate else None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags=None):
        results: list[RecognizerResult] = []
        for pattern in self._compiled:
            pre = self._prefilter.get(pattern.name)
            if pre is not None and pre.search(text) is None:
                continue
            for m in pattern.finditer(text):
                # A pattern may mark the part to report with a group named "value".
                start, end = m.span("value") if "value" in pattern.rx.groupindex and m.group("value") else m.span()
                if end <= start:
                    continue
                valid = self.validate_result(m.group())  # the whole match: a label can inform the validator
                if valid is False:
                    continue
                score = max(pattern.score, self._validated_score) if valid else pattern.score
                results.append(
                    RecognizerResult(
                        self.supported_entities[0], start, end, score,
                        analysis_explanation=_explanation(self.name, pattern.name, pattern.score, valid),
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                            "rule_id": self.rule_id,
                            "pattern": pattern.name,
                        },
                    )
                )
        return EntityRecognizer.remove_duplicates(results) if results else results  # most posts: none


def _alternation(words: list[str]) -> str:
    """Words as a regex alternation, longest first; a space matches any run of white space."""
    uniq = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in uniq)


@functools.lru_cache(maxsize=256)
def _compile_named(src: str, ignore_case: bool, first: tuple[str, ...], stop: tuple[str, ...]) -> "regex.Pattern[str]":
    """A name pattern with its named lists, compiled once per process (nl and en share most patterns)."""
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile(src, flags, first=list(first), stop=list(stop), ignore_unused=True)


_LETTER_RUN = regex.compile(r"\p{L}+")
_ASCII_LETTER_RUN = re.compile(r"[A-Za-z]+")  # the same runs in an ASCII text, several times faster
# What regex's case-insensitive matching takes for an ASCII letter (checked over all of Unicode in
# the tests): the ASCII letters and these three, mapped here to the letter they match. (casefold()
# would make "İ" an "i" plus a combining dot.)
_ASCII_CASE = {0x130: "i", 0x17F: "s", 0x212A: "k"}


def _fold(text: str) -> str:
    """Lower-cased, with every character regex matches case-insensitively to an ASCII letter made
    that letter: an ASCII word that matches ``(?i:...)`` in ``text`` is a substring of this."""
    if "\u0130" in text or "\u017f" in text or "\u212a" in text:  # rare: translate() costs ~50 ns a character
        text = text.translate(_ASCII_CASE)
    return text.lower()


class _PostWords:
    """What the name pre-checks ask of a post, computed at most once per post."""

    __slots__ = ("text", "_runs", "_ascii_runs", "_folded")

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: frozenset[str] | None = None
        self._ascii_runs: frozenset[str] | None = None
        self._folded: str | None = None

    @property
    def runs(self) -> frozenset[str]:
        """The maximal runs of letters ("Jan", "Mevr" of "Mevr.")."""
        if self._runs is None:
            text = self.text
            self._runs = frozenset((_ASCII_LETTER_RUN if text.isascii() else _LETTER_RUN).findall(text))
        return self._runs

    @property
    def ascii_runs(self) -> frozenset[str]:
        """The maximal runs of letters an ASCII word can match case-insensitively, folded (``_fold``)."""
        if self._ascii_runs is None:
            # folded one by one, a run an ASCII word matches becomes that word (see ``_fold``)
            self._ascii_runs = frozenset(_fold(" ".join(self.runs)).split())
        return self._ascii_runs

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = _fold(self.text)
        return self._folded


# A pattern that opens with a placeholder after a lookbehind that refuses a letter: every match
# starts a maximal run of letters with the placeholder's text ("(?<![\p{L}])(?P<value><<first>>...").
_OPENING_PLACEHOLDER = regex.compile(
    r"(?:\(\?=\\p\{Lu\}\))?\(\?<!\[\\p\{L\}[^\]\[()]*\]\)(?:\(\?=\\p\{Lu\}\))?(?P<group>\(\?:|\(\?P<value>)?<<(?P<name>\w+)>>"
)


def _opening_placeholder(source: str) -> str | None:
    """The placeholder every match of a name pattern starts with (see ``_OPENING_PLACEHOLDER``), or None."""
    from ._match import _closing_paren, _top_level_split

    m = _OPENING_PLACEHOLDER.match(source)
    if m is None or len(_top_level_split(source)) != 1:
        return None
    if m.group("group"):  # the group around it must be required and have one branch
        close = _closing_paren(source, m.start("group"))
        if close is None or source[close + 1:close + 2] in ("?", "*", "{"):
            return None
        inner = source[m.end("group"):close]
        if len(_top_level_split(inner)) != 1:
            return None
    return m.group("name")


# A pattern that opens with a group of plain label words, after at most a lookbehind:
# "(?<![\p{L}])(?i:says|said|according to)...". No escapes, classes or groups inside the group.
_OPENING_GROUP = regex.compile(r"(?:\(\?<![^()]*\))?\(\?i?:(?P<words>[^()\[\]\\]*)\)")
_PLAIN_TEXT = regex.compile(r"[A-Za-z0-9 ]+")


def _opening_words(source: str) -> tuple[str, ...] | None:
    """The ASCII text each alternative of a name pattern's opening group of label words starts with,
    lower-cased (``"pati"`` of ``"patiënt:"``): every match contains one of them. None if unclear."""
    from ._match import _top_level_split

    m = _OPENING_GROUP.match(source)
    if m is None or _VERBOSE_FLAG.search(source) or len(_top_level_split(source)) != 1:
        return None
    if source[m.end():m.end() + 1] in ("?", "*", "{"):
        return None  # an optional group promises nothing
    out = []
    for alt in m.group("words").split("|"):
        plain = _PLAIN_TEXT.match(alt)
        text = plain.group() if plain else ""
        if alt[len(text):len(text) + 1] in ("?", "*", "{"):
            text = text[:-1]  # its last character is optional
        if not text.strip():
            return None
        out.append(text.lower())
    return tuple(out)


_VERBOSE_FLAG = regex.compile(r"\(\?[a-zA-Z]*x")  # white space in a verbose pattern is no text


class _NamePattern:
    """One name pattern: compiled on first use, and skipped for a post that lacks what every match needs.

    The named lists make these the slowest patterns to compile (tens of milliseconds each), and most
    posts hold no honorific, no listed first name, no initials: a cold start on one post compiles only
    the patterns that post can match, and a warm check skips the scans that cannot find anything.
    """

    __slots__ = ("name", "score", "_source", "_ignore_case", "_lists", "_needs", "_rx")

    def __init__(self, name: str, score: float, source: str, ignore_case: bool, lists: tuple,
                 needs: "Callable[[_PostWords], bool] | None") -> None:
        self.name, self.score = name, score
        self._source, self._ignore_case, self._lists = source, ignore_case, lists
        self._needs = needs
        self._rx: "regex.Pattern[str] | None" = None

    @property
    def rx(self) -> "regex.Pattern[str]":
        if self._rx is None:  # two threads may both compile: the same pattern, harmlessly
            self._rx = _compile_named(self._source, self._ignore_case, *self._lists)
        return self._rx

    def may_match(self, words: _PostWords) -> bool:
        return self._needs is None or self._needs(words)


class NameRecognizer(EntityRecognizer):
    """Person names without a trained model: first-name gazetteer, initials, tussenvoegsels, honorifics.

    The rule's patterns use placeholders filled from the name data: ``<<hon>>`` honorific, ``<<first>>``
    a known first name, ``<<firstx>>`` a name of the large generated list (patterns must also ask for a
    surname), ``<<initials>>``, ``<<particle>>`` a tussenvoegsel, ``<<surname>>`` a capitalised
    word that is not in ``not_surnames``. A group named ``value`` marks the name itself. Entities from
    a trained spaCy NER (when config names one) are added at ``params.ner_score``.
    """

    def __init__(self, rule: "Rule", lang: str, data: NameData) -> None:
        super().__init__(supported_entities=["PERSON"], name=f"{rule.id}:{lang}", supported_language=lang)
        self.rule_id = rule.id
        self.ner_score = float(rule.params.get("ner_score", 0.85))
        self._source = (rule, lang, data)
        self._ready = False
        self._prepare_lock = threading.Lock()

    def _prepare(self) -> None:
        """Build the name sets and pre-checks on first use: a run that sees only Dutch posts never pays
        for the English ones. Patterns compile later still, when a post first needs them."""
        with self._prepare_lock:
            if self._ready:
                return
            rule, lang, data = self._source
            self._build(rule, lang, data)
            self._ready = True

    def _build(self, rule: "Rule", lang: str, data: NameData) -> None:
        surname_word = r"(?:\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)?)"
        fill = {
            "hon": rf"(?i:{_alternation(data.honorifics.both())})(?!\p{{L}})",
            "first": r"(?<!-)(?:\L<first>)(?![\p{L}\p{N}]|-\p{L})",
            # The large list, only where a pattern also asks for a surname: any capitalised word here,
            # looked up in a set afterwards (a regex named list of thousands of names is slow).
            "firstx": r"(?<!-)(?P<firstx>\p{Lu}\p{Ll}+)(?![\p{L}\p{N}]|-\p{L})",
            "initials": r"(?:\p{Lu}\.(?:\s?\p{Lu}\.){0,3})",
            "particle": rf"(?:(?i:{_alternation(data.particles)}))(?!\p{{L}})",
            "surname": rf"(?!(?:\L<stop>)(?!\p{{L}})){surname_word}(?!\p{{L}})",
        }
        self._ambiguous = frozenset(data.ambiguous_first_names)
        self._firstx = frozenset(
            (set(data.first_names.both()) | set(data.extra_first_names))
            - set(data.not_first_names) - set(data.not_surnames) - set(data.ambiguous_first_names)
        )
        lists = (tuple(sorted(set(data.first_names.both()))), tuple(sorted(set(data.not_surnames))))
        self._patterns = []
        for spec in rule.match.patterns_for(lang):
            src = spec.regex
            for key, value in fill.items():
                src = src.replace(f"<<{key}>>", value)
            needs = self._needs(spec, data, lists[0])
            self._patterns.append(_NamePattern(spec.name, spec.score, src, spec.ignore_case, lists, needs))
        lone = rule.params.get("lone")
        self._lone = _LoneNames(data, lang, lone) if lone else None

    def _needs(self, spec, data: NameData, first: tuple[str, ...]) -> "Callable[[_PostWords], bool] | None":
        """A cheap test every post with a match of ``spec`` passes (exact: never skips a match), or None.

        A pattern that opens with a listed word needs that word as a maximal run of letters of the post
        (an honorific's runs compared case-folded, as ``(?i:...)`` does); one that opens with initials
        needs a capital and a dot; one that opens with label words ("my name is") needs their letters.
        """
        opening = _opening_placeholder(spec.regex)
        if opening == "first" and first and not spec.ignore_case and all(_LETTER_RUN.fullmatch(w) for w in first):
            names = frozenset(first)
            return lambda words: not names.isdisjoint(words.runs)
        if opening == "firstx":  # the group is a maximal run of letters, kept only when in the set
            firstx = self._firstx
            return lambda words: not firstx.isdisjoint(words.runs)
        if opening == "hon":
            # Each run of letters of an honorific ("de", "heer" of "de heer") is a whole run of the post.
            honorifics = [h.strip() for h in data.honorifics.both() if h.strip()]
            if honorifics and all(h.isascii() and _LETTER_RUN.match(h) for h in honorifics):
                # indexed by the longest run of each ("heer" of "de heer"): most posts have none of those
                by_key: dict[str, list[frozenset[str]]] = {}
                for h in honorifics:
                    runs = [r.lower() for r in _LETTER_RUN.findall(h)]
                    by_key.setdefault(max(runs, key=len), []).append(frozenset(runs))
                keys = frozenset(by_key)

                def has_honorific(words: _PostWords) -> bool:
                    found = words.ascii_runs
                    return any(r <= found for key in keys & found for r in by_key[key])

                return has_honorific
        if opening == "initials":
            initial = regex.compile(r"\p{Lu}\.", regex.V0 | (regex.IGNORECASE if spec.ignore_case else 0))
            return lambda words: initial.search(words.text) is not None
        label_words = _opening_words(spec.regex) if opening is None else None
        if label_words:  # "(?i:my name is|naam:)": every match contains one of them (case-folded)
            return lambda words: any(w in words.folded for w in label_words)
        return None

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None):
        if not self._ready:
            self._prepare()
        results: list[RecognizerResult] = []
        words = _PostWords(text)
        for pattern in self._patterns:
            if not pattern.may_match(words):
                continue
            name, rx, score = pattern.name, pattern.rx, pattern.score
            lookup = "firstx" in rx.groupindex
            # overlapped: "Said Lewis Forbes" must still try "Lewis" after "Said" was refused
            for m in scan(rx, text, name, overlapped=lookup):
                if lookup and m.group("firstx") and m.group("firstx") not in self._firstx:
                    continue
                start, end = m.span("value") if "value" in rx.groupindex and m.group("value") else m.span()
                if text[start:end] in self._ambiguous:
                    continue
                results.append(self._result(start, end, score, name))
        if self._lone is not None:
            results.extend(self._result(a, b, score, pattern) for a, b, score, pattern in self._lone.find(text))
        if nlp_artifacts is not None:
            for ent in nlp_artifacts.entities:
                results.append(self._result(ent.start_char, ent.end_char, self.ner_score, "spacy-ner"))
        return EntityRecognizer.remove_duplicates(results) if results else results  # most posts: none

    def _result(self, start: int, end: int, score: float, pattern: str) -> RecognizerResult:
        return RecognizerResult(
            "PERSON", start, end, score,
            analysis_explanation=_explanation(self.name, pattern, score, None),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                "rule_id": self.rule_id,
                "pattern": pattern,
            },
        )


_NAME_TOKEN = regex.compile(
    r"(?<![\p{L}\p{N}_@#/.'’-])(?:\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:\p{Lu}\p{Ll}{2,})?(?:-\p{Lu}\p{Ll}+)?|\p{Lu}\.?(?=[^\S\n]+\p{Lu}\p{Ll}))"
    r"(?![\p{L}\p{N}_@]|['’]\p{L}{2})"
)
_LOWER_WORDS = regex.compile(r"(?<![\p{L}\p{N}_@#])\p{Ll}+(?:-\p{Ll}+)?(?![\p{L}\p{N}_])")
_NUMBER_BEFORE = regex.compile(r"\d\s*,?\s*$")
_HOUSE_NUMBER = regex.compile(r"[^\S\n]+\d{1,5}(?!\d)")
_NEXT_WORD = regex.compile(r"[^\S\n]*,?[^\S\n]*([\p{L}\p{N}][\p{L}\p{N}-]*)")
_SENTENCE_END = frozenset(".!?:;\"“”(>*•|[")
# between members of a list of names: ", ", " and ", ", and ", " en ", " & "
_LIST_SEP = regex.compile(r"[^\S\n]*(?:,[^\S\n]*(?P<and>(?:and|en|&)[^\S\n]+)?|[^\S\n]+(?P<and>and|en|&)[^\S\n]+)", regex.V0)


def _joined_runs(text: str, spans: list) -> Iterator[tuple[int, int, bool]]:
    """``(i, j, joined)`` for each maximal run ``spans[i:j]`` whose neighbours are separated only by list
    separators (",", "and", "en", "&"); ``joined`` when an "and" is among them. ``spans`` hold (start, end, ...)."""
    i = 0
    while i < len(spans):
        j, joined = i + 1, False
        while j < len(spans):
            sep = _LIST_SEP.fullmatch(text, spans[j - 1][1], spans[j][0])
            if sep is None:
                break
            joined = joined or bool(sep.group("and"))
            j += 1
        yield i, j, joined
        i = j


_VOCATIVE = regex.compile(r",[^\S\n]+\p{Ll}")  # a comma and a lower-case word after a sentence-start name
_CAP_BEFORE = regex.compile(r"\p{Lu}[\p{L}'’.-]*[^\S\n]+$")
_CAP_AFTER = regex.compile(r"[^\S\n]+\p{Lu}")
# after a lower-case first name: an optional initial, then the surname ("anna k. kowalczyk", "anna kowalczyk")
_LOWER_PAIR = regex.compile(r"[^\S\n]+(?:\p{Ll}\.?[^\S\n]+)?(?P<last>\p{Ll}{2,}(?:-\p{Ll}+)?)(?![\p{L}\p{N}_@])")


_LONE_SETS: dict[object, tuple] = {}


def _per_name_data(data: NameData, what: str, build: Callable[[], object]):
    """``build()`` once per name data object (keyed by identity, checked with ``is``)."""
    key = (what, id(data))
    got = _LONE_SETS.get(key)
    if got is None or got[0] is not data:
        got = _LONE_SETS[key] = (data, build())
    return got[1]


def _lone_sets(data: NameData) -> tuple[frozenset, frozenset]:
    """Stop words and listed names; built once per name data (~100 000 names)."""

    def build() -> tuple[frozenset, frozenset]:
        never = {*data.not_surnames, *data.not_names, *data.not_first_names, *data.ambiguous_first_names,
                 *data.lone_excluded}
        stop = frozenset({*data.not_surnames, *data.not_names, *data.not_first_names})
        return stop, frozenset({*data.first_names.both(), *data.extra_first_names, *data.extra_surnames} - never)

    return _per_name_data(data, "lone", build)


def _lower_sets(data: NameData) -> tuple[frozenset, frozenset]:
    """Listed names in lower case, and the first names among them that may start a name in an
    all-lower-case post (no ordinary words); built when the first such post comes."""
    stop, listed = _lone_sets(data)

    def build() -> tuple[frozenset, frozenset]:
        first = {*data.first_names.both(), *data.extra_first_names} & listed
        return frozenset(w.lower() for w in listed), frozenset(w.lower() for w in first)

    return _per_name_data(data, "lower", build)


def email_name_sets(data: NameData) -> tuple[frozenset, frozenset]:
    """All listed names and all first names in lower case, ordinary-word names included ("jan", "mark"):
    for telling a person's e-mail address from a department's, where a doubt must keep it a person's."""

    def build() -> tuple[frozenset, frozenset]:
        first = {w.lower() for w in (*data.first_names.both(), *data.extra_first_names, *data.ambiguous_first_names)}
        return frozenset(first | {w.lower() for w in data.extra_surnames}), frozenset(first)

    return _per_name_data(data, "email", build)


class _LoneNames:
    """One or two capitalised words that are a person's name, scored by gazetteers, shape and cues.

    A word counts as *listed* (a census first name or surname, or a curated first name, minus words of
    the ``not_*`` lists and ordinary words) or *name-like* (a surname ending or a letter English and
    Dutch words do not use). Scores (``params.lone`` of the rule):

    - ``first``: a first name of the curated list (``first_names``, not ambiguous), wherever it stands;
    - ``listed``: a listed word alone, not at a sentence start (a sentence start needs a cue after it,
      or a comma and a lower-case word: "Solveig, can you ...");
    - ``cue``: a listed or name-like word with a cue before or after it ("with", "contact", "'s", "lives");
    - ``strong``: any capitalised word after a strong cue ("my name is", "Dear", "I'm");
    - ``pair``: two or three words of which one is listed and the rest listed, name-like or initials;
    - ``pair_cue``: such a pair with a cue, or any pair after a strong cue (a name-like pair with a cue: ``pair``).
    A word that follows a capitalised place or organisation word ("New", "Port") or precedes one
    ("Street", "Inc"), or a pair followed by a house number, is no name.
    """

    def __init__(self, data: NameData, lang: str, scores: dict) -> None:
        self.scores = {k: float(v) for k, v in scores.items()}
        cues = data.lone_names
        self._data = data
        self.stop, self.listed = _lone_sets(data)
        self.first = frozenset(data.first_names.both()) - frozenset(data.ambiguous_first_names)
        self.honorifics = regex.compile(
            rf"(?<![\p{{L}}])(?:{_alternation([h.rstrip('.').lower() for h in data.honorifics.both()])})\.?[^\S\n]+$"
        )
        self.particles = regex.compile(rf"[^\S\n]+(?:(?:{_alternation(data.particles)})[^\S\n]+)*", regex.IGNORECASE)
        self.suffixes = tuple(sorted({x.lower() for x in cues.suffixes}, key=len, reverse=True))
        self.letters = frozenset(cues.letters.lower())
        self.place_prefixes = frozenset(cues.place_prefixes)
        def cue_rx(words: list[str], before: bool) -> "regex.Pattern[str] | None":
            if not words:
                return None
            alt = _alternation(words)
            if before:  # the cue ends right before the name: match on the reversed-free tail
                return regex.compile(rf"(?<![\p{{L}}])(?:{alt})[^\S\n]*(?:[,:]?[^\S\n]*)$", regex.IGNORECASE)
            return regex.compile(rf"^[^\S\n]*(?:{alt})(?![\p{{L}}])", regex.IGNORECASE)
        self.strong = cue_rx(cues.strong_before.get(lang), True)
        strong_words = cues.strong_before.get(lang)
        self.strong_any = regex.compile(
            rf"(?<![\p{{L}}])(?:{_alternation(strong_words)})[^\S\n]*[,:]?[^\S\n]*", regex.IGNORECASE
        ) if strong_words else None
        self.stop_lower = frozenset(w.lower() for w in self.stop) | frozenset(("but", "and", "or", "i", "from", "maar", "en", "of"))
        self.before = cue_rx(cues.before.get(lang), True)
        self.after = cue_rx(cues.after.get(lang), False)
        self.strong_after = cue_rx(cues.strong_after.get(lang), False)
        self.place_before = cue_rx(cues.place_before.get(lang), True)
        self.street_joiners = frozenset(w.lower() for w in cues.street_joiners)

    def _kind(self, word: str) -> str:
        """'listed', 'like' (name-like), 'initial', 'stop' or '' (a capitalised word of no kind)."""
        if word in self.stop:
            return "stop"
        if len(word) <= 2 and word[0].isupper() and (len(word) == 1 or word[1] == "."):
            return "initial"
        if word in self.listed:
            return "listed"
        low = word.lower()
        if len(low) >= 4 and (low.endswith(self.suffixes) or not self.letters.isdisjoint(low)):
            return "like"
        return ""

    def find(self, text: str) -> list[tuple[int, int, float, str]]:
        tokens = [m.span() for m in _NAME_TOKEN.finditer(text)]
        out: list[tuple[int, int, float, str]] = []
        if "first" in self.scores:  # a common first name of the curated list, wherever it stands
            out.extend((a, b, self.scores["first"], "first-name") for a, b in tokens if text[a:b] in self.first)
        i = 0
        while i < len(tokens):
            # a run of capitalised words joined by spaces or tussenvoegsels ("Maika van de Noort")
            j = i + 1
            while j < len(tokens) and j - i < 4 and self._joined(text, tokens[j - 1][1], tokens[j][0]):
                j += 1
            # split at stop words; a name right after "New", "Port" or before "Street", "Inc" is no name
            k = i
            while k < j:
                if text[tokens[k][0]:tokens[k][1]] in self.stop:
                    k += 1
                    continue
                m = k
                while m < j and text[tokens[m][0]:tokens[m][1]] not in self.stop:
                    m += 1
                # after a stop word only when it is a cue ("Dear", "Met"): not "The Davis", "Crown Street Kishiev"
                if m == j and not (k > i and not self._cue_before(text[max(0, tokens[k][0] - 40):tokens[k][0]])):
                    out.extend(self._score_run(text, tokens, k, m))
                k = m
            i = j
        out.extend(self._listed_together(text, tokens))
        if text.lower() == text:
            if self.strong_any is not None:
                out.extend(self._lower_after_strong(text))
            out.extend(self._lower_names(text))
        return out

    def _listed_together(self, text: str, tokens: list) -> list[tuple[int, int, float, str]]:
        """Single words joined by commas and "and"/"en"/"&" ("Ilse, Wojtek and Marek"): names together.

        Every member must be one word (not part of a longer capitalised run) and no stop word; at least
        two members listed or name-like, and at most one unknown word when there are three or more.
        Listed and name-like members get ``cue``, an unknown one ``listed``.
        """
        if "list" not in self.scores:
            return []
        out: list[tuple[int, int, float, str]] = []
        for i, j, joined in _joined_runs(text, tokens):
            if j - i >= 2 and joined and self._lone_word(text, tokens, i, j):
                words = [text[a:b] for a, b in tokens[i:j]]
                kinds = [self._kind(w) for w in words]
                named = sum(k in ("listed", "like") for k in kinds)
                unknown = kinds.count("")
                if "stop" not in kinds and "initial" not in kinds and named >= 2 and (
                    unknown == 0 or (unknown == 1 and j - i >= 3)
                ):
                    for (a, b), kind in zip(tokens[i:j], kinds):
                        out.append((a, b, self.scores["list"] if kind else self.scores["listed"], "name-list"))
        return out

    @staticmethod
    def _lone_word(text: str, tokens: list, i: int, j: int) -> bool:
        """Whether the first and last member of a list stand alone (no capitalised word glued before or after)."""
        before = text[max(0, tokens[i][0] - 30):tokens[i][0]]
        after = text[tokens[j - 1][1]:tokens[j - 1][1] + 30]
        return _CAP_BEFORE.search(before) is None and _CAP_AFTER.match(after) is None

    def _lower_names(self, text: str) -> list[tuple[int, int, float, str]]:
        """An all-lower-case post: "follow up with anna kowalczyk", "mr. pemberton", "ilse, wojtek and marek".

        A first name of the lists followed by a listed or name-like word (an initial may stand between) is
        a name (``pair``); a listed or name-like word after an honorific too; and a list of three or more
        lower-case words of which all but one are listed first names (``listed``).
        """
        if "lower" not in self.scores:
            return []
        out: list[tuple[int, int, float, str]] = []
        listed_lower, first_lower = _lower_sets(self._data)
        words = [(m.start(), m.end(), m.group()) for m in _LOWER_WORDS.finditer(text)]
        used: set[int] = set()
        for n, (a, b, w) in enumerate(words):
            if w in self.stop_lower:
                continue
            if w in first_lower and n + 1 < len(words):
                m = _LOWER_PAIR.match(text, b)
                if m is not None:
                    last = m.group("last")
                    if last not in self.stop_lower and (last in listed_lower or self._kind(last.capitalize()) == "like"):
                        out.append((a, m.end(), self.scores["lower"], "lower-pair"))
                        used.update((a, m.start("last")))
                        continue
            if a not in used and self.honorifics.search(text[max(0, a - 20):a]) is not None and (
                w in listed_lower or self._kind(w.capitalize()) == "like"
            ):
                out.append((a, b, self.scores["lower"], "lower-honorific"))
        words = [w for w in words if w[2] not in ("and", "en")]  # the conjunctions are separators here
        for i, j, joined in _joined_runs(text, words):
            members = words[i:j]
            if j - i >= 3 and joined:
                known = sum(w in first_lower for _, _, w in members)
                if known >= j - i - 1 and not any(w in self.stop_lower for _, _, w in members):
                    out.extend((a, b, self.scores["listed"], "lower-list") for a, b, _ in members)
        return out

    def _cue_around(self, head: str, tail: str) -> bool:
        """A (not strong) cue before or after a run: "met Jansen", "Jansen zegt"."""
        return (self.before is not None and self.before.search(head) is not None) or (
            self.after is not None and self.after.match(tail) is not None)

    def _cue_before(self, head: str) -> bool:
        return any(rx is not None and rx.search(head) is not None for rx in (self.strong, self.before))

    def _place_after(self, tail: str) -> bool:
        """Whether a number or a stop word (a country, "Street") follows: the run is part of an address."""
        m = _NEXT_WORD.match(tail)
        return m is not None and (m.group(1)[0].isdigit() or m.group(1) in self.stop)

    def _joined(self, text: str, end: int, start: int) -> bool:
        m = self.particles.fullmatch(text, end, start)
        return m is not None

    def _score_run(self, text: str, tokens: list, i: int, j: int):
        words = [text[a:b] for a, b in tokens[i:j]]
        kinds = [self._kind(w) for w in words]
        while kinds and kinds[0] == "initial":
            i, words, kinds = i + 1, words[1:], kinds[1:]
        if not words or kinds[-1] == "initial":
            return []
        start, end = tokens[i][0], tokens[i + len(words) - 1][1]
        head = text[max(0, start - 40):start]
        tail = text[end:end + 20]
        if len(words) > 1 and _HOUSE_NUMBER.match(tail):
            joiner = text[tokens[i + len(words) - 2][1]:tokens[i + len(words) - 1][0]].split()
            if joiner and joiner[0].lower() in self.street_joiners:
                # "onze buurman Piet op de Lindelaan 14": a name, then the street it is on
                return self._score_run(text, tokens, i, i + len(words) - 1)
            return []  # "Joaquin Suarez 2906": a street and house number
        strong = self.strong is not None and self.strong.search(head) is not None
        if not any(k in ("listed", "like") for k in kinds):
            # Most runs: capitalised words of no kind ("Vandaag", "Samen Sterk"). Only a strong cue
            # before, or for one word a strong cue after, can make them a name: the rules below, with
            # the other cues looked up only when they can change the answer.
            sc = self.scores
            if strong and len(words) == 1:
                return [(start, end, sc["strong"], "lone-strong-cue")]
            if strong:
                return [(start, end, sc["pair_cue"], "pair-cue")]
            if len(words) > 1 or self.strong_after is None or not self.strong_after.match(tail):
                return []
            if not self._cue_around(head, tail) and (_NUMBER_BEFORE.search(head) or self._place_after(tail)):
                return []
            return [(start, end, sc["cue"], "lone-cue")]
        cue = strong or self._cue_around(head, tail)
        named = [k for k in kinds if k in ("listed", "like")]
        sc = self.scores
        if not cue and (_NUMBER_BEFORE.search(head) or self._place_after(tail)):
            return []  # inside an address line: "Suite 084  Maria Albina  Uruguay 77212"
        if len(words) == 1:
            kind = kinds[0]
            if strong:
                return [(start, end, sc["strong"], "lone-strong-cue")]
            if kind and cue:
                return [(start, end, sc["cue"], "lone-cue")]
            if self.strong_after is not None and self.strong_after.match(tail):
                return [(start, end, sc["cue"], "lone-cue")]
            if kind == "listed" and self.place_before is not None and self.place_before.search(head):
                return []  # "in Oosterhout", "uit Zuidoost": a surname-like word after "in" is a place
            if kind == "listed" and not _sentence_start(text, start):
                return [(start, end, sc["listed"], "lone-listed")]
            if kind == "listed" and _VOCATIVE.match(tail):  # "Solveig, can you ...": someone addressed
                return [(start, end, sc["listed"], "lone-vocative")]
            return []
        if strong or ("listed" in kinds and cue):
            return [(start, end, sc["pair_cue"], "pair-cue")]
        if named and cue:
            return [(start, end, sc["pair"], "pair-cue")]
        # one listed word and the rest listed, name-like or initials; or name-like with at most one unknown word
        if named and all(k in ("listed", "like", "initial") for k in kinds) and (
            "listed" in kinds or len(named) >= 2
        ) or (len(named) == 1 and kinds.count("") == 1 and kinds[0] != "initial"):
            return [(start, end, sc["pair"], "pair-listed")]
        return []

    def _lower_after_strong(self, text: str):
        """An all-lower-case post: 'my name is lena andersson' (one of the two words listed or name-like)."""
        out = []
        listed_lower = _lower_sets(self._data)[0]
        for cue in self.strong_any.finditer(text):
            words = list(itertools.islice(_LOWER_WORDS.finditer(text, cue.end()), 2))
            if not words or words[0].start() != cue.end():
                continue
            if len(words) == 2 and text[words[0].end():words[1].start()] != " ":
                words = words[:1]
            good = [w.group() in listed_lower or self._kind(w.group().capitalize()) == "like" for w in words]
            if any(good) and words[0].group() not in self.stop_lower:
                last = words[-1] if good[-1] and words[-1].group() not in self.stop_lower else words[0]
                out.append((words[0].start(), last.end(), self.scores["strong"], "lone-strong-cue"))
        return out


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` opens the text, a line or a sentence (where every word is capitalised)."""
    i = start  # the last character before ``start`` that is no space or tab (text[:start] is not copied)
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] == "\n" or text[i - 1] in _SENTENCE_END


class _NoPostText(logging.Filter):
    """Drop Presidio's debug and info records: some quote the words around a hit ("Context list is: ...")."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


_QUIET = _NoPostText()


def _quiet_presidio_logs() -> None:
    for name in ("presidio-analyzer", "presidio-anonymizer"):
        logger = logging.getLogger(name)
        if _QUIET not in logger.filters:
            logger.addFilter(_QUIET)


def build_analyzer(
    rules: list["Rule"],
    nlp_for: Callable[[str], object],
    *,
    names: NameData,
    context_factor: float,
    context_window: tuple[int, int],
) -> tuple[AnalyzerEngine, OwnSpacyNlpEngine]:
    """An AnalyzerEngine with one recognizer per (rule, language), for nl and en, on our spaCy."""
    # tldextract's suffix list (~0.1 s to load) waits for the first e-mail address to validate.
    _quiet_presidio_logs()
    engine = OwnSpacyNlpEngine(nlp_for)
    engine.load()
    registry = RecognizerRegistry(supported_languages=list(LANGS))
    for rule in rules:
        kind = rule.params.get("kind", "")
        for lang in LANGS:
            if not rule.applies_to(lang) or not rule.match.patterns_for(lang):
                continue
            if kind == "entity":
                registry.add_recognizer(RuleRecognizer(rule, lang))
            elif kind == "person":
                registry.add_recognizer(NameRecognizer(rule, lang, names))
    analyzer = AnalyzerEngine(
        registry=registry,
        nlp_engine=engine,
        supported_languages=list(LANGS),
        context_aware_enhancer=_ContextEnhancer(
            context_similarity_factor=context_factor,
            min_score_with_context_similarity=0.0,
            context_prefix_count=context_window[0],
            context_suffix_count=context_window[1],
            context_matching_mode="whole_word",
        ),
    )
    return analyzer, engine
