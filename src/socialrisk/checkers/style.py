"""House style: preferred spellings, words to avoid and required disclaimers, from any rule pack.

Three rule shapes (documented in README "### style"):
- substitution: ``match.terms``/``patterns`` + ``params.replace``: a hit not spelled exactly as the
  replacement is flagged with the replacement (a term equal to it but for case flags case variants);
- avoid: ``match.terms``/``patterns`` without ``replace``: every hit is flagged (hits inside links,
  @handles and #hashtags never are);
- required: ``params.required: [text, ...]``: flagged when none of the texts is in the post; only when
  ``match.context`` words occur (if given) and only on ``params.platforms`` (if given).
"""

from __future__ import annotations

from typing import ClassVar

from ..models import Category, Finding
from ._match import context_lexicon, exclude_lexicon, in_links, lexicon_for, per_rule, rule_hits
from .base import Checker, register

__all__ = ["StyleChecker"]

_PARAMS = {"replace", "required", "platforms"}


def _strs(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v.strip() for v in value)


@register("style")
class StyleChecker(Checker):
    """House-style rules: spellings, words to avoid, required texts."""

    categories: ClassVar = frozenset({Category.STYLE})

    @classmethod
    def validate_rule(cls, rule) -> None:
        p, m = rule.params, rule.match
        extra = set(p) - _PARAMS
        if extra:
            raise ValueError(f"unknown params {sorted(extra)}; style rules use {sorted(_PARAMS)}")
        has_terms = bool(m.patterns) or any(m.terms_for(lang) for lang in rule.languages)
        if "required" in p:
            if not _strs(p["required"]):
                raise ValueError("params.required must be a list of non-empty strings")
            if has_terms or "replace" in p:
                raise ValueError("a required-text rule takes no match.terms, patterns or params.replace")
        elif not has_terms:
            raise ValueError("needs match.terms or match.patterns (or params.required)")
        if "replace" in p and not (isinstance(p["replace"], str) and p["replace"].strip()):
            raise ValueError("params.replace must be a non-empty string")
        if "platforms" in p and not _strs(p["platforms"]):
            raise ValueError("params.platforms must be a list of platform names")

    def check(self, analysis, policy) -> list[Finding]:
        a, out = analysis, []
        platform = (a.post.platform or "").lower()
        for rule in self.rules_for(a.lang):
            p = rule.params
            if "platforms" in p and platform not in {x.lower() for x in p["platforms"]}:
                continue
            if "required" in p:
                out.extend(self._required(rule, a))
                continue
            exclude = exclude_lexicon(rule, a.lang)
            replace = p.get("replace")
            in_link = in_links(a)  # "pvda.nl", "@pvda", "#pvda" are addresses and tags, not prose to restyle
            for s, e in rule_hits(rule, a):
                if a.text[s:e] == replace or in_link(s, e) or (exclude and exclude.contains(a, max(0, s - 40), e + 40)):
                    continue
                out.append(self.finding(rule, a, s, e, replacement=replace))
        return out

    def _required(self, rule, a) -> list[Finding]:
        context = context_lexicon(rule, a.lang)
        if context and not context.contains(a):
            return []
        if per_rule(rule, ("required",), lambda: lexicon_for(tuple(rule.params["required"]))).contains(a):
            return []
        end = len(a.text.rstrip())  # nothing to point at: the span is where the text would go
        return [self.finding(rule, a, end, end, replacement=rule.params["required"][0])]
