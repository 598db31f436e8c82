"""Tone: shouting, stacked punctuation, emoji walls, profanity, contempt, us-versus-them, condescension, heat.

Severities stay low or medium and never block: tone is a matter of voice, not of law (insults and
threats aimed at someone belong to the legal checker, sarcasm to the ambiguity checker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Literal

import regex
from pydantic import BaseModel, ConfigDict

from ..models import Category, Finding, Severity
from .base import Checker, register
from ._match import Hit, in_identifiers, in_links, per_rule, word_tokens
from ._target import rule_hits

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis
    from ..policy import Policy
    from ..rules import Rule

__all__ = ["ToneChecker", "ToneSettings"]

_BANG = regex.compile(r"!+")
_GAP = regex.compile(r"[\s\ufe0f\u200d]*")


class ToneSettings(BaseModel):
    """Tunables: ``[tool.socialrisk.checkers.tone]``."""

    model_config = ConfigDict(extra="forbid")

    voice: Literal["institutional", "party", "campaign"] = "party"


# The param that selects a rule's mechanism; rules with none are lexicon rules (terms + patterns).
_KINDS = {"min_share": "caps", "max_run": "emoji", "max_per_10_words": "intensity"}


def _kind(rule: "Rule") -> str:
    return next((kind for key, kind in _KINDS.items() if key in rule.params), "lexicon")


def _hits(rule: "Rule", analysis: "Analysis") -> list[Hit]:
    """The rule's term and pattern hits (exclusions applied), outside links, @mentions and #hashtags."""
    in_link = in_links(analysis)  # the same for every lexicon rule of the post
    hits = rule_hits(rule, analysis, masked=bool(rule.params.get("masked")))
    return [h for h in hits if not in_link(h.start, h.end)]


def _on_irony(analysis: "Analysis", start: int, end: int) -> bool:
    """Whether a span overlaps or directly follows a sarcasm marker, which the ambiguity checker reports."""
    try:
        from .ambiguity import sarcasm_spans
    except ImportError:  # pragma: no cover - ambiguity is a built-in; a trimmed install may lack it
        return False
    text = analysis.text
    return any(a < end and start < b or (b <= start and not text[b:start].strip()) for a, b in sarcasm_spans(analysis))


@register("tone")
class ToneChecker(Checker):
    """How the post sounds, against the organisation's voice."""

    categories: ClassVar = frozenset({Category.TONE})
    Settings: ClassVar = ToneSettings

    @classmethod
    def validate_rule(cls, rule: "Rule") -> None:
        kind = _kind(rule)
        p = rule.params
        if kind == "caps":
            for key in ("min_share", "min_words", "min_run", "max_acronym_len"):
                if not isinstance(p.get(key), (int, float)):
                    raise ValueError(f"params.{key} must be a number")
            whole = p.get("whole_post")
            if whole is not None:
                if not (isinstance(whole, dict) and set(whole) == {"min_share", "min_words", "severity"}
                        and all(isinstance(whole[k], (int, float)) for k in ("min_share", "min_words"))):
                    raise ValueError("params.whole_post must be a mapping of min_share, min_words and severity")
                try:
                    Severity(whole["severity"])
                except ValueError:
                    raise ValueError("params.whole_post.severity must be a severity (info ... blocker)") from None
        elif kind == "emoji":
            for key in ("max_run", "max_total", "max_share"):
                if not isinstance(p.get(key), (int, float)):
                    raise ValueError(f"params.{key} must be a number")
        elif kind == "intensity":
            voices = set(ToneSettings.model_fields["voice"].annotation.__args__)  # type: ignore[union-attr]
            for key in ("max_per_10_words", "min_markers"):
                if not isinstance(p.get(key), dict) or set(p[key]) != voices:
                    raise ValueError(f"params.{key} must give a number for each voice: {', '.join(sorted(voices))}")
        elif not rule.match.terms and not rule.match.patterns:
            raise ValueError("a tone lexicon rule needs match.terms or match.patterns")

    def check(self, analysis: "Analysis", policy: "Policy") -> list[Finding]:
        out: list[Finding] = []
        for rule in self.rules_for(analysis.lang):
            found = getattr(self, f"_{_kind(rule)}")(rule, analysis)
            if found and _kind(rule) in ("lexicon", "emoji"):
                found = [f for f in found if not _on_irony(analysis, f.span.start, f.span.end)]
            out.extend(found)
        return out

    # -- shared pieces ---------------------------------------------------------------------

    def _shouted(self, rule: "Rule", analysis: "Analysis") -> list[Any]:
        """Words in capitals that are not acronyms: known ones, or short ones standing alone."""
        key = ("tone.shouted", rule.id)
        if key in analysis.cache:  # asked by the caps rule and again by the intensity rule
            return analysis.cache[key]
        lang = analysis.lang
        acronyms = per_rule(rule, ("acronyms", lang), lambda: frozenset(t.casefold() for t in rule.match.terms_for(lang)))
        max_len = int(rule.params["max_acronym_len"])
        words = word_tokens(analysis)
        texts = [w.text for w in words]
        # isupper() first: it is cheap and false for almost every word
        cand = [t.isupper() and sum(c.isalpha() for c in t) >= 2 and t.casefold() not in acronyms for t in texts]
        if any(cand):  # a case number (ECLI:NL:RBAMS:2024:1234), postcode, IBAN or link is not shouting
            in_id, in_link = in_identifiers(analysis), in_links(analysis)
            cand = [c and not (in_id(w.idx, w.idx + len(w.text)) or in_link(w.idx, w.idx + len(w.text))) for c, w in zip(cand, words)]
        out = []
        for i, w in enumerate(words):
            if not cand[i]:
                continue
            letters = sum(c.isalpha() for c in texts[i])
            neighbour = (i > 0 and cand[i - 1]) or (i + 1 < len(words) and cand[i + 1])
            if letters > max_len or neighbour:
                out.append(w)
        analysis.cache[key] = out
        return out

    # -- mechanisms ------------------------------------------------------------------------

    def _caps(self, rule: "Rule", analysis: "Analysis") -> list[Finding]:
        p = rule.params
        words = word_tokens(analysis)
        shouted = self._shouted(rule, analysis)
        if not words or not shouted:
            return []
        share = len(shouted) / len(words)
        if share >= float(p["min_share"]) and len(shouted) >= int(p["min_words"]):
            details = {"caps": len(shouted), "share": round(share, 2)}
            # A whole post in capitals ("URGENT!!! ALL RESIDENTS MUST ...") is shouting, not a word of emphasis.
            whole = p.get("whole_post")
            loud = whole and share >= float(whole["min_share"]) and len(shouted) >= int(whole["min_words"])
            return [self.finding(
                rule, analysis, shouted[0].idx, shouted[-1].idx + len(shouted[-1].text), score=0.8,
                severity=Severity(whole["severity"]) if loud else None, message=rule.message.format(**details), details=details,
            )]
        out = []
        for a, b, n in self._runs(rule, analysis, counts=True):
            if n >= int(p["min_run"]):
                details = {"caps": n, "share": round(share, 2)}
                out.append(self.finding(rule, analysis, a, b, score=0.6, message=rule.message.format(**details), details=details))
        return out

    def _runs(self, rule: "Rule", analysis: "Analysis", counts: bool = False) -> list[Any]:
        """(start, end) of each run of consecutive shouted words (with its length if ``counts``)."""
        index = {t.i: n for n, t in enumerate(word_tokens(analysis))}
        runs: list[list[Any]] = []
        for t in self._shouted(rule, analysis):
            if runs and index[t.i] == index[runs[-1][-1].i] + 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        spans = [(r[0].idx, r[-1].idx + len(r[-1].text), len(r)) for r in runs]
        return spans if counts else [s[:2] for s in spans]

    def _emoji(self, rule: "Rule", analysis: "Analysis") -> list[Finding]:
        p = rule.params
        emoji = analysis.emoji
        if not emoji:
            return []
        text = analysis.text
        runs: list[list[Any]] = []
        for e in emoji:
            if runs and _GAP.fullmatch(text[runs[-1][-1].end:e.start]):
                runs[-1].append(e)
            else:
                runs.append([e])
        n_words = len(word_tokens(analysis))
        details = {"count": len(emoji), "longest_run": max(len(r) for r in runs)}
        message = rule.message.format(**details)
        too_many = len(emoji) > int(p["max_total"]) or (len(emoji) >= 3 and len(emoji) > float(p["max_share"]) * max(n_words, 1))
        if too_many:
            return [self.finding(rule, analysis, emoji[0].start, emoji[-1].end, score=0.7, message=message, details=details)]
        return [
            self.finding(rule, analysis, r[0].start, r[-1].end, score=0.6, message=message, details=details)
            for r in runs if len(r) > int(p["max_run"])
        ]

    def _lexicon(self, rule: "Rule", analysis: "Analysis") -> list[Finding]:
        return [
            self.finding(rule, analysis, h.start, h.end, score=min(h.score, 0.8), details={"term": h.term})
            for h in _hits(rule, analysis)
        ]

    def _intensity(self, rule: "Rule", analysis: "Analysis") -> list[Finding]:
        voice = self.settings.voice
        words = word_tokens(analysis)
        if not words:
            return []
        markers = [(h.start, h.end) for h in _hits(rule, analysis)]
        caps_rule = next((r for r in self.rules_for(analysis.lang) if _kind(r) == "caps"), None)
        if caps_rule is not None:  # a run of words in capitals is one marker (TONE-ALLCAPS counts words)
            markers += self._runs(caps_rule, analysis)
        if not markers:  # exclamation marks alone are cheerful as often as heated
            return []
        markers += [m.span() for m in _BANG.finditer(analysis.text) if not analysis.inside(m.start(), m.end(), analysis.urls)]
        per_10 = 10 * len(markers) / len(words)
        if len(markers) < int(rule.params["min_markers"][voice]) or per_10 <= float(rule.params["max_per_10_words"][voice]):
            return []
        markers.sort()
        # Point at the sentence that carries most of the heat; the markers themselves are related spans.
        a, b = max(analysis.sentences, key=lambda s: (sum(s[0] <= m[0] < s[1] for m in markers), -s[0]))
        details = {"markers": len(markers), "per_10_words": round(per_10, 2), "voice": voice}
        return [self.finding(rule, analysis, a, b, score=0.5, message=rule.message.format(**details), related=markers, details=details)]
