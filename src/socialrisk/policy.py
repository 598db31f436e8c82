"""Policy: which rules count, how severe they are, what is allowed, and how findings become a decision."""

from __future__ import annotations

import difflib
import math
import re
from typing import Any, Iterable

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .models import Category, Decision, Finding, Severity

__all__ = ["Policy", "AllowList", "UnknownSelector", "known_selectors", "decide", "risk_score", "SEVERITY_WEIGHT"]

# How much one finding of a severity (at confidence 1.0) contributes to the 0..100 risk score.
SEVERITY_WEIGHT = {
    Severity.INFO: 0.0,
    Severity.LOW: 0.12,
    Severity.MEDIUM: 0.3,
    Severity.HIGH: 0.6,
    Severity.BLOCKER: 1.0,
}


def _norm_phone(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


class AllowList(BaseModel):
    """Things that may appear: the organisation's own public people and contact points."""

    model_config = ConfigDict(extra="forbid")

    names: list[str] = Field(default_factory=list, description="public figures, own politicians")
    handles: list[str] = Field(default_factory=list, description="@handles that may be mentioned")
    emails: list[str] = Field(default_factory=list, description="addresses, or @domain.nl for a whole domain")
    phones: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list, description="link domains that are fine")
    terms: list[str] = Field(default_factory=list, description="words no rule should flag")

    def allows_name(self, name: str) -> bool:
        n = " ".join(name.casefold().split())
        return any(n == " ".join(a.casefold().split()) for a in self.names)

    def allows_handle(self, handle: str) -> bool:
        h = handle.lstrip("@").casefold()
        return any(h == a.lstrip("@").casefold() for a in self.handles)

    def allows_email(self, email: str) -> bool:
        e = email.casefold()
        for a in self.emails:
            a = a.casefold()
            if e == a or (a.startswith("@") and e.endswith(a)):
                return True
        return False

    def allows_phone(self, phone: str) -> bool:
        p = _norm_phone(phone)
        return bool(p) and any(p == _norm_phone(a) for a in self.phones)

    def allows_domain(self, host: str) -> bool:
        h = host.casefold().rstrip(".")
        return any(h == d.casefold() or h.endswith("." + d.casefold()) for d in self.domains)

    def allows_term(self, term: str) -> bool:
        t = " ".join(term.casefold().split())
        return any(t == " ".join(a.casefold().split()) for a in self.terms)


class UnknownSelector(ValueError):
    """A selector that is well formed but names no loaded rule; ``key`` is the Policy field."""

    def __init__(self, key: str, message: str) -> None:
        self.key = key
        super().__init__(message)


def _selector_ok(value: list[str]) -> list[str]:
    cats = {c.value for c in Category}
    for v in value:
        if not (v in cats or re.fullmatch(r"[A-Z][A-Z0-9]*(-[A-Z0-9]+)*", v) or v == "ALL"):
            raise ValueError(f"{v!r} is neither a rule id, a rule-id prefix, a category nor ALL")
    return value


def known_selectors(rule_ids: Iterable[str]) -> frozenset[str]:
    """Every selector that names at least one of ``rule_ids``: the ids, their prefixes, categories, ALL."""
    known = {"ALL", *(c.value for c in Category)}
    for rid in rule_ids:
        parts = rid.split("-")
        known.update("-".join(parts[:n]) for n in range(1, len(parts) + 1))
    return frozenset(known)


class Policy(BaseModel):
    """How findings turn into a decision. Select and ignore take rule ids, id prefixes or categories."""

    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=lambda: ["ALL"])
    ignore: list[str] = Field(default_factory=list)
    severity_overrides: dict[str, Severity] = Field(default_factory=dict)
    review_threshold: float = Field(default=50.0, ge=0, le=100, allow_inf_nan=False)
    review_at: Severity = Field(
        default=Severity.HIGH, description="a finding at this severity or above -> review (low, medium or high)"
    )
    no_go_threshold: float | None = Field(
        default=None, ge=0, le=100, allow_inf_nan=False, description="optional: a score above this is no_go even without a blocker"
    )
    min_severity: Severity = Field(default=Severity.INFO, description="findings below this are suppressed (Report.suppressed)")
    include_preview: bool = Field(default=True, description="run rules with status 'preview'")
    allow: AllowList = Field(default_factory=AllowList)
    platforms: dict[str, dict] = Field(default_factory=dict, description="per-platform settings")

    _sel = field_validator("select", "ignore")(classmethod(lambda cls, v: _selector_ok(v)))
    @field_validator("select")
    @classmethod
    def _select_something(cls, value: list[str]) -> list[str]:
        if not value:  # an empty list would switch every rule off and let every post go, silently
            raise ValueError('selects no rule: leave it out (all rules), or name rules, prefixes, categories or "ALL"')
        return value

    _numbers = field_validator("review_threshold", "no_go_threshold", mode="before")(classmethod(lambda cls, v: not_a_bool(v)))

    @field_validator("review_at")
    @classmethod
    def _review_at(cls, value: Severity) -> Severity:
        if not Severity.LOW <= value <= Severity.HIGH:
            raise ValueError("must be low, medium or high (a blocker is always no_go; info would hold every post)")
        return value

    @field_validator("severity_overrides")
    @classmethod
    def _override_keys(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        _selector_ok(list(value))
        return value

    def unknown_selectors(
        self, rule_ids: Iterable[str] = (), *, known: "set[str] | frozenset[str] | None" = None
    ) -> list[tuple[str, str, str | None]]:
        """``(key, selector, close match or None)`` for each selector in ``select``, ``ignore`` and
        ``severity_overrides`` that names none of ``rule_ids`` (a typo would silently match nothing).
        ``known``: the result of ``known_selectors(rule_ids)``, when checking many policies."""
        known = known_selectors(rule_ids) if known is None else known
        out = []
        for key, values in (("select", self.select), ("ignore", self.ignore), ("severity_overrides", list(self.severity_overrides))):
            for v in values:
                if v not in known:
                    close = difflib.get_close_matches(v, sorted(known), n=1, cutoff=0.75)
                    out.append((key, v, close[0] if close else None))
        return out

    def check_selectors(self, rule_ids: Iterable[str] = (), *, known: "set[str] | frozenset[str] | None" = None) -> None:
        """Raise ``UnknownSelector`` (a ValueError, ``.key`` is the field) for the first selector naming no rule."""
        for key, value, close in self.unknown_selectors(rule_ids, known=known):
            hint = f"; did you mean {close!r}?" if close else " (see 'socialrisk rules')"
            raise UnknownSelector(key, f"{value!r} matches no rule id, rule-id prefix or category{hint}")

    @staticmethod
    def _hits(selector: str, rule_id: str, category: str) -> int:
        """Specificity with which ``selector`` names the rule (0 = not at all)."""
        if selector == "ALL":
            return 1
        if selector == category:
            return 2
        if selector == rule_id:
            return 1000
        if rule_id.startswith(selector + "-"):
            return 10 + selector.count("-")
        return 0

    def is_enabled(self, rule_id: str, category: str | Category) -> bool:
        cat = category.value if isinstance(category, Category) else category
        sel = max((self._hits(s, rule_id, cat) for s in self.select), default=0)
        ign = max((self._hits(s, rule_id, cat) for s in self.ignore), default=0)
        return sel > 0 and sel > ign  # the more specific selector wins, as in ruff

    def severity_for(self, rule_id: str, category: str | Category, default: Severity) -> Severity:
        cat = category.value if isinstance(category, Category) else category
        best, best_score = default, 0
        for sel, sev in self.severity_overrides.items():
            s = self._hits(sel, rule_id, cat)
            if s > best_score:
                best, best_score = sev, s
        return best

    def merged(self, other: "Policy | dict | None") -> "Policy":
        """This policy updated with the fields set in ``other``."""
        if other is None:
            return self
        if isinstance(other, Policy):
            other = other.model_dump(exclude_unset=True)
        data = self.model_dump()
        for k, v in other.items():
            if k == "allow" and isinstance(v, dict):
                data["allow"] = {**data["allow"], **v}
            else:
                data[k] = v
        return Policy.model_validate(data)


def not_a_bool(value: Any) -> Any:
    """For number fields: pydantic reads ``true`` as 1, so ``max_chars = true`` would refuse every post."""
    if isinstance(value, bool):
        raise ValueError("must be a number, not true/false")
    return value


def risk_score(findings: Iterable[Finding]) -> float:
    """0..100: the chance that at least one finding is a real risk, weighted by severity."""
    keep = 1.0
    for f in findings:
        keep *= 1.0 - SEVERITY_WEIGHT[f.severity] * f.score
    return round(100.0 * (1.0 - keep), 1) if not math.isclose(keep, 1.0) else 0.0


def decide(findings: list[Finding], score: float, policy: Policy, incomplete: bool = False) -> Decision:
    """DESIGN.md's default: any blocker -> no_go; any high (``policy.review_at``) or score over the threshold -> review.

    ``incomplete``: a checker failed on this post, so nobody vouched for all of it: go becomes review.
    """
    if any(f.severity is Severity.BLOCKER for f in findings):
        return Decision.NO_GO
    if policy.no_go_threshold is not None and score > policy.no_go_threshold:
        return Decision.NO_GO
    if any(f.severity >= policy.review_at for f in findings) or score > policy.review_threshold or incomplete:
        return Decision.REVIEW
    return Decision.GO
