"""Political advertising: the label a paid political ad must carry, and targeting it may not use.

Regulation (EU) 2024/900 (TTPA) covers paid political advertising only: art. 11(1) lists what must
come with each ad, art. 18 forbids targeting on special categories of personal data. Each rule names
its mechanism in ``params.check``; the label words and patterns are in the rule.
"""

from __future__ import annotations

from typing import Any, ClassVar, Iterator

from pydantic import BaseModel, ConfigDict, Field

from ..models import PAID_SYNONYMS, Category, Finding, Post
from ._match import context_lexicon, lexicon_for, rule_hits, rule_lexicon, rule_mechanism
from .base import Checker, register

__all__ = ["AdvertisingChecker", "AdvertisingSettings", "is_paid"]

_CHECKS = {"label": {"when"}, "targeting_special": set(), "unmarked": set()}
_WHEN = {"always", "election", "targeting"}
_PAID_META = PAID_SYNONYMS  # front-matter synonyms of `paid: true`, parsed as booleans by Post
_NO_VALUE = {"", "any", "all", "alle", "none", "geen", "no", "nee", "false"}


def is_paid(post: Post) -> bool:
    """Whether the post is marked as a paid or sponsored ad (argument, front matter or sponsor)."""
    return bool(post.paid or post.sponsor or any(post.meta.get(k) is True for k in _PAID_META))


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """(field path, text) of every key and meaningful value in targeting metadata."""
    if isinstance(value, dict):
        for k, v in value.items():
            sub = f"{path}.{k}"
            if v not in (None, False) and str(v).strip().casefold() not in _NO_VALUE:
                yield sub, str(k).replace("_", " ")
            yield from _strings(v, sub)
    elif isinstance(value, (list, tuple, set)):
        for i, v in enumerate(value):
            yield from _strings(v, f"{path}[{i}]")
    elif isinstance(value, str) and value.strip().casefold() not in _NO_VALUE:
        yield path, value


class AdvertisingSettings(BaseModel):
    """Config: ``[tool.socialrisk.checkers.advertising]``."""

    model_config = ConfigDict(extra="forbid")
    assume_paid: bool = Field(default=False, description="treat every post as a paid political ad (an ads account)")


@register("advertising")
class AdvertisingChecker(Checker):
    """Labels and targeting of paid political ads (EU 2024/900)."""

    categories: ClassVar = frozenset({Category.ADVERTISING})
    Settings: ClassVar = AdvertisingSettings

    @classmethod
    def validate_rule(cls, rule) -> None:
        rule_mechanism(rule, _CHECKS)
        if rule.params.get("when", "always") not in _WHEN:
            raise ValueError(f"params.when must be one of {sorted(_WHEN)}")
        if not rule.match.patterns and not any(rule.match.terms_for(lang) for lang in rule.languages):
            raise ValueError("needs match.terms or match.patterns")

    @staticmethod
    def _present(rule, a) -> tuple[int, int] | None:
        """The first place the rule's terms or patterns occur in the post."""
        hits = rule_hits(rule, a)
        return hits[0] if hits else None

    def _applies(self, rule, a) -> bool:
        when = rule.params.get("when", "always")
        if when == "targeting":
            return bool(a.post.targeting)
        if when == "election":
            election = a.post.meta.get("election")
            cues = context_lexicon(rule, a.lang)
            return bool(election) or bool(cues and cues.contains(a))
        return True

    def check(self, analysis, policy) -> list[Finding]:
        a, out = analysis, []
        paid = is_paid(a.post) or self.settings.assume_paid
        end = len(a.text.rstrip())
        for rule in self.rules_for(a.lang):
            check = rule.params["check"]
            if check == "label" and paid and self._applies(rule, a):
                election = a.post.meta.get("election")
                named = isinstance(election, str) and lexicon_for((election,)).contains(a)
                if self._present(rule, a) is None and not (rule.params.get("when") == "election" and named):
                    # Nothing to point at: the span is where the missing label text would go.
                    out.append(self.finding(rule, a, end, end, details={"missing": rule.id}))
            elif check == "unmarked" and not paid:
                hit = self._present(rule, a)
                if hit:
                    out.append(self.finding(rule, a, *hit))
            elif check == "targeting_special" and a.post.targeting:
                lex = rule_lexicon(rule, a.lang)
                fields = sorted({p for p, v in _strings(a.post.targeting, "targeting") if lex.search_text(v)})
                if fields:  # metadata, not text: one finding at the start, naming the fields
                    out.append(self.finding(rule, a, 0, 0, details={"fields": fields}))
        return out
