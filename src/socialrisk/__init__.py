"""socialrisk: check a draft social-media post before it is published.

    >>> import socialrisk
    >>> report = socialrisk.check("Kom zaterdag naar de markt!")
    >>> report.decision.value
    'go'

Heavy modules (spaCy, Presidio) load on first use, so ``import socialrisk`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "check",
    "check_many",
    "audit",
    "Pipeline",
    "Report",
    "Post",
    "Finding",
    "Span",
    "Severity",
    "Decision",
    "Category",
    "Policy",
    "Config",
    "PostError",
    "SocialRiskError",
    "__version__",
]

_LAZY = {
    "check": ".pipeline",
    "check_many": ".pipeline",
    "Pipeline": ".pipeline",
    "audit": ".audit",
    "Report": ".models",
    "Post": ".models",
    "Finding": ".models",
    "Span": ".models",
    "Severity": ".models",
    "Decision": ".models",
    "Category": ".models",
    "PostError": ".models",
    "Policy": ".policy",
    "Config": ".config",
    "SocialRiskError": ".errors",
}

if TYPE_CHECKING:  # pragma: no cover
    from .audit import audit
    from .config import Config
    from .errors import SocialRiskError
    from .models import Category, Decision, Finding, Post, PostError, Report, Severity, Span
    from .pipeline import Pipeline, check, check_many
    from .policy import Policy


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'socialrisk' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
