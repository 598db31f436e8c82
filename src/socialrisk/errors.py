"""The socialrisk exception tree.

    SocialRiskError
    ├── ConfigError(ValueError)           path, key          socialrisk.toml / [tool.socialrisk]
    ├── RulePackError(ValueError)         path, rule_id, field
    ├── InputError(ValueError)            post_id, reason    empty, binary, bad UTF-8, wrong type
    │   ├── InputTypeError(TypeError)     post_id, reason    not a str (bytes: decode first)
    │   └── InputTooLarge                 post_id, length, limit
    ├── UnknownCheckerError(LookupError)  name, available
    └── CheckerError                      checker, __cause__ (in a batch: recorded, the rest goes on)

Messages never contain post text: only names, paths, ids, lengths and reasons.
"""

from __future__ import annotations

__all__ = [
    "SocialRiskError",
    "ConfigError",
    "RulePackError",
    "InputError",
    "InputTooLarge",
    "InputTypeError",
    "UnknownCheckerError",
    "CheckerError",
    "MissingExtraError",
]


class SocialRiskError(Exception):
    """Base class of every error socialrisk raises on purpose."""


class ConfigError(SocialRiskError, ValueError):
    def __init__(self, message: str, *, path: str | None = None, key: str | None = None):
        self.path, self.key = path, key
        where = ": ".join(p for p in (path, key) if p)
        super().__init__(f"{where}: {message}" if where else message)


class RulePackError(SocialRiskError, ValueError):
    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        rule_id: str | None = None,
        field: str | None = None,
    ):
        self.path, self.rule_id, self.field = path, rule_id, field
        where = ", ".join(
            f"{k} {v}" for k, v in (("rule", rule_id), ("field", field)) if v
        )
        prefix = f"{path}: " if path else ""
        super().__init__(f"{prefix}{where}: {message}" if where else f"{prefix}{message}")


class InputError(SocialRiskError, ValueError):
    def __init__(self, reason: str, *, post_id: str | None = None):
        self.reason, self.post_id = reason, post_id
        super().__init__(f"post {post_id}: {reason}" if post_id is not None else reason)


class InputTypeError(InputError, TypeError):
    """The input is not text (None, bytes, a number, ...)."""


class InputTooLarge(InputError):
    def __init__(self, length: int, limit: int, *, post_id: str | None = None):
        self.length, self.limit = length, limit
        super().__init__(
            f"text is {length} characters, over the limit of {limit} (config: max_chars)",
            post_id=post_id,
        )


class UnknownCheckerError(SocialRiskError, LookupError):
    def __init__(self, name: str, available: list[str]):
        self.name, self.available = name, available
        super().__init__(
            f"unknown checker {name!r}; available: {', '.join(sorted(available))} "
            "(if it comes from a plugin, is the package installed?)"
        )


class CheckerError(SocialRiskError):
    def __init__(self, checker: str, message: str | None = None):
        self.checker = checker
        super().__init__(message or f"checker {checker!r} failed")


class MissingExtraError(SocialRiskError, ImportError):
    """An optional dependency is needed; the message names the install command."""

    def __init__(self, feature: str, extra: str):
        self.feature, self.extra = feature, extra
        super().__init__(f"{feature} needs the optional extra: pip install 'socialrisk[{extra}]'")
