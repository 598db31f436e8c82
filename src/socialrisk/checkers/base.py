"""The checker protocol, the registry, and the helpers every checker shares.

A checker reads the shared :class:`~socialrisk.analysis.Analysis`, loads heavy things once (lazily),
and returns findings for its own rules only. Built-ins live in ``socialrisk/checkers/<name>.py`` and
register with ``@register("<name>")``; third parties declare an entry point in the group
``socialrisk.checkers`` (``acme.house = "acme_sr.house:HouseChecker"``), read once, lazily.
"""

from __future__ import annotations

import importlib
import pkgutil
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable, Sequence

from pydantic import BaseModel, ConfigDict

from ..errors import UnknownCheckerError
from ..models import Category, Finding, Severity, Span

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis
    from ..config import Config
    from ..policy import Policy
    from ..rules import Rule

__all__ = ["Checker", "CheckerContext", "NoSettings", "SkipCheck", "register", "get_checker", "available_checkers"]

ENTRY_POINT_GROUP = "socialrisk.checkers"


class NoSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SkipCheck(Exception):
    """Raised by a checker that cannot run here (not an error): the reason goes in ``report.skipped``."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class CheckerContext:
    """What a Pipeline shares with its checkers."""

    config: "Config"
    nlp_for: Callable[[str], Any]


class Checker(ABC):
    """Base class of all checkers. Subclasses declare ``name``, ``categories`` and ``check``."""

    name: ClassVar[str]
    categories: ClassVar[frozenset[Category]]
    languages: ClassVar[frozenset[str]] = frozenset({"nl", "en"})
    Settings: ClassVar[type[BaseModel]] = NoSettings

    def __init__(self, rules: Sequence["Rule"], settings: BaseModel, context: CheckerContext) -> None:
        self.rules = list(rules)
        self.rules_by_id = {r.id: r for r in self.rules}
        self.settings = settings
        self.context = context

    @classmethod
    def validate_rule(cls, rule: "Rule") -> None:
        """Raise ``ValueError`` (naming the field) when this checker cannot use ``rule``."""

    @abstractmethod
    def check(self, analysis: "Analysis", policy: "Policy") -> list[Finding]:
        """Findings of this checker's rules for one post."""

    # -- helpers ---------------------------------------------------------------------------

    def rules_for(self, lang: str) -> list["Rule"]:
        cache = self.__dict__.setdefault("_rules_by_lang", {})  # also for plugins with their own __init__
        got = cache.get(lang)
        if got is None:  # rules are fixed for a checker's life: filter once per language
            got = cache[lang] = [r for r in self.rules if r.applies_to(lang)]
        return list(got)

    def rule(self, rule_id: str) -> "Rule":
        return self.rules_by_id[rule_id]

    def finding(
        self,
        rule: "Rule | str",
        analysis: "Analysis",
        start: int,
        end: int,
        *,
        score: float = 1.0,
        severity: Severity | None = None,
        message: str | None = None,
        suggestion: str | None = None,
        replacement: str | None = None,
        related: Iterable[tuple[int, int]] = (),
        details: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding of ``rule`` at ``text[start:end]``, with the rule's texts unless overridden."""
        if isinstance(rule, str):
            rule = self.rule(rule)
        text = analysis.text
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        return Finding(
            rule_id=rule.id,
            checker=self.name,
            category=rule.category,
            severity=severity or rule.severity,
            score=max(0.0, min(1.0, round(score, 3))),
            span=Span(start=start, end=end, excerpt=text[start:end]),
            message=message or rule.message,
            why=rule.why,
            suggestion=rule.suggestion if suggestion is None else suggestion,
            reference=rule.reference,
            replacement=replacement,
            related=[Span(start=a, end=b, excerpt=text[a:b]) for a, b in related],
            details=details or {},
        )


# --------------------------------------------------------------------------- registry

_REGISTRY: dict[str, type[Checker]] = {}
_discovered = False


def register(name: str) -> Callable[[type[Checker]], type[Checker]]:
    """Class decorator: make a checker available under ``name``."""

    def deco(cls: type[Checker]) -> type[Checker]:
        existing = _REGISTRY.get(name)
        if existing is not None and existing is not cls and existing.__qualname__ != cls.__qualname__:
            raise ValueError(f"checker name {name!r} is already taken by {existing.__module__}.{existing.__qualname__}")
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return deco


def _discover() -> None:
    global _discovered
    if _discovered:
        return
    _discovered = True
    from .. import checkers as pkg

    for mod in pkgutil.iter_modules(pkg.__path__):
        if not mod.name.startswith("_") and mod.name != "base":
            importlib.import_module(f"{pkg.__name__}.{mod.name}")
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in _REGISTRY:
            continue
        cls = ep.load()
        register(ep.name)(cls)


def available_checkers() -> dict[str, type[Checker]]:
    _discover()
    return dict(sorted(_REGISTRY.items()))


def get_checker(name: str) -> type[Checker]:
    found = available_checkers().get(name)
    if found is None:
        raise UnknownCheckerError(name, list(_REGISTRY))
    return found
