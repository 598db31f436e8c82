"""Presidio on our own spaCy pipelines: recognizers built from privacy rules, and a name gazetteer.

Imported only on the privacy checker's first ``check`` (Presidio is heavy and must not load with
``import socialrisk``). Nothing here downloads: the NLP engine wraps the Pipeline's spaCy pipelines,
and e-mail validation uses tldextract's bundled suffix list.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Callable

import regex
from presidio_analyzer import AnalysisExplanation, AnalyzerEngine, EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer import Pattern as PresidioPattern
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.recognizer_registry import RecognizerRegistry
from pydantic import BaseModel, ConfigDict, Field

from ._match import REGEX_TIMEOUT, VALIDATORS, compile_pattern

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..rules import Rule

__all__ = ["NameData", "name_data", "OwnSpacyNlpEngine", "RuleRecognizer", "NameRecognizer", "build_analyzer"]

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


class NameData(BaseModel):
    """Schema of ``rules/common/_names.yaml``: the word lists behind person-name detection."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    first_names: _PerLang
    ambiguous_first_names: list[str] = Field(description="first names that are also ordinary words")
    particles: list[str] = Field(description="tussenvoegsels: van, de, van der, ...")
    honorifics: _PerLang
    public_titles: _PerLang = Field(description="roles that make the person after them a public figure")
    not_surnames: list[str] = Field(description="capitalised words that never are a surname")


@functools.lru_cache(maxsize=None)
def name_data(path: str | None = None) -> NameData:
    """Load and validate the name gazetteer (the shipped one unless ``path`` is given)."""
    from pathlib import Path

    from ..errors import RulePackError
    from ..rules import rules_dir, yaml_load

    file = Path(path) if path else rules_dir() / "common" / "_names.yaml"
    try:
        return NameData.model_validate(yaml_load(file.read_text("utf-8")))
    except Exception as exc:  # noqa: BLE001 - one error type for a broken data file
        raise RulePackError(f"invalid name data ({type(exc).__name__})", path=str(file)) from None


# --------------------------------------------------------------------------- NLP engine

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
        self.nlp = {lang: self._nlp_for(lang) for lang in self._languages}

    def artifacts(self, doc: "Doc", language: str) -> NlpArtifacts:
        """NlpArtifacts of an already tokenised Doc (the shared analysis), without re-running spaCy."""
        persons = [e for e in doc.ents if e.label_ in ("PERSON", "PER")]  # read only: the Doc is shared
        # Arrays instead of Token objects: creating a Token per word costs more than the recognizers.
        strings = doc.vocab.strings
        arr = doc.to_array(["IDX", "LEMMA", "LOWER"]).tolist() if len(doc) else []
        return NlpArtifacts(
            entities=persons,
            tokens=doc,
            tokens_indices=[row[0] for row in arr],
            lemmas=[strings[row[1] or row[2]] for row in arr],
            nlp_engine=self,
            language=language,
        )

    def _doc_to_nlp_artifact(self, doc: "Doc", language: str) -> NlpArtifacts:
        return self.artifacts(doc, language)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one engine per checker; words repeat across posts
    def is_stopword(self, word: str, language: str) -> bool:
        return self.nlp[language].vocab[word].is_stop

    @functools.lru_cache(maxsize=65536)  # noqa: B019
    def is_punct(self, word: str, language: str) -> bool:
        return self.nlp[language].vocab[word].is_punct


class _ContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer, skipped when no hit has context words to look for."""

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        with_context = {r.id for r in recognizers if r.context}
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        if not any(r.recognition_metadata.get(key) in with_context for r in raw_results):
            return raw_results  # the common case: nothing to raise, and no deep copy of the results
        return super().enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)


# --------------------------------------------------------------------------- recognizers

def _explanation(name: str, pattern: str, score: float, validated: bool | None) -> AnalysisExplanation:
    return AnalysisExplanation(
        recognizer=name, original_score=score, pattern_name=pattern, validation_result=validated
    )


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
            patterns=[PresidioPattern(p.name, p.regex, p.score) for p in specs],
            context=[w for term in rule.match.context_for(lang) for w in term.lower().split()],
        )
        self.rule_id = rule.id
        self._compiled = [compile_pattern(p) for p in specs]
        self._validate = VALIDATORS[rule.match.validator] if rule.match.validator else None
        self._validated_score = float(rule.params.get("validated_score", EntityRecognizer.MAX_SCORE))

    def validate_result(self, pattern_text: str) -> bool | None:
        return self._validate(pattern_text) if self._validate else None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None, regex_flags=None):
        results: list[RecognizerResult] = []
        for pattern in self._compiled:
            # Collect first: the regex timeout clock runs while a finditer generator is suspended.
            for m in list(pattern.finditer(text)):
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
        return EntityRecognizer.remove_duplicates(results)


def _alternation(words: list[str]) -> str:
    """Words as a regex alternation, longest first; a space matches any run of white space."""
    uniq = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in uniq)


class NameRecognizer(EntityRecognizer):
    """Person names without a trained model: first-name gazetteer, initials, tussenvoegsels, honorifics.

    The rule's patterns use placeholders filled from the name data: ``<<hon>>`` honorific, ``<<first>>``
    a known first name, ``<<initials>>``, ``<<particle>>`` a tussenvoegsel, ``<<surname>>`` a capitalised
    word that is not in ``not_surnames``. A group named ``value`` marks the name itself. Entities from
    a trained spaCy NER (when config names one) are added at ``params.ner_score``.
    """

    def __init__(self, rule: "Rule", lang: str, data: NameData) -> None:
        super().__init__(supported_entities=["PERSON"], name=f"{rule.id}:{lang}", supported_language=lang)
        self.rule_id = rule.id
        self.ner_score = float(rule.params.get("ner_score", 0.85))
        surname_word = r"(?:\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)?)"
        fill = {
            "hon": rf"(?i:{_alternation(data.honorifics.both())})(?!\p{{L}})",
            "first": r"(?<!-)(?:\L<first>)(?![\p{L}\p{N}]|-\p{L})",
            "initials": r"(?:\p{Lu}\.(?:\s?\p{Lu}\.){0,3})",
            "particle": rf"(?:(?i:{_alternation(data.particles)}))(?!\p{{L}})",
            "surname": rf"(?!(?:\L<stop>)(?!\p{{L}})){surname_word}(?!\p{{L}})",
        }
        self._patterns = []
        for spec in rule.match.patterns_for(lang):
            src = spec.regex
            for key, value in fill.items():
                src = src.replace(f"<<{key}>>", value)
            rx = regex.compile(
                src,
                regex.V0 | (regex.IGNORECASE if spec.ignore_case else 0),
                first=sorted(set(data.first_names.both())),
                stop=sorted(set(data.not_surnames)),
                ignore_unused=True,
            )
            self._patterns.append((spec.name, rx, spec.score))
        self._ambiguous = frozenset(data.ambiguous_first_names)

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None):
        results: list[RecognizerResult] = []
        for name, rx, score in self._patterns:
            try:
                matches = list(rx.finditer(text, timeout=REGEX_TIMEOUT))
            except TimeoutError:
                continue
            for m in matches:
                start, end = m.span("value") if "value" in rx.groupindex and m.group("value") else m.span()
                if text[start:end] in self._ambiguous:
                    continue
                results.append(self._result(start, end, score, name))
        if nlp_artifacts is not None:
            for ent in nlp_artifacts.entities:
                results.append(self._result(ent.start_char, ent.end_char, self.ner_score, "spacy-ner"))
        return EntityRecognizer.remove_duplicates(results)

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
    from ._privacy_validators import offline_tldextract

    offline_tldextract()("example.nl")  # load the bundled suffix list now, not inside a post's check
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
