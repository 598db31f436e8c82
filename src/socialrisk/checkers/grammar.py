"""Grammar and spelling: LanguageTool matches, from a server the user names, mapped to findings.

Drafts are private: the text goes only to ``config.languagetool_url`` (e.g. a self-hosted
LanguageTool container), or to the public API when ``config.languagetool_public_api`` is set. With
neither, the checker is reported as skipped. language-tool-python is only ever given a remote
server, so it never downloads or starts a LanguageTool of its own.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..models import Category, Finding
from .base import Checker, SkipCheck, register

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis
    from ..policy import Policy
    from ..rules import Rule

__all__ = ["GrammarChecker", "GrammarSettings", "lt_span"]

NO_SERVER = "no LanguageTool server configured (set languagetool_url)"
_LT_LANGUAGES = {"nl": "nl-NL", "en": "en-US"}
PUBLIC_API = "https://languagetool.org/api/"  # what language-tool-python's LanguageToolPublicAPI uses


class GrammarSettings(BaseModel):
    """Tunables: ``[tool.socialrisk.checkers.grammar]``."""

    model_config = ConfigDict(extra="forbid")

    languages: dict[Literal["nl", "en"], str] = Field(
        default_factory=lambda: dict(_LT_LANGUAGES), description="LanguageTool language per post language"
    )
    timeout_s: float = Field(
        default=10.0, gt=0,
        description="the longest one post may wait for the server, in all (connecting, retries, a slow answer)",
    )
    retry_after_s: float = Field(default=60.0, ge=0, description="after a failure, skip without asking for this long")
    disabled_rules: list[str] = Field(default_factory=list, description="LanguageTool rule ids to leave out")
    picky: bool = Field(default=False, description="LanguageTool's picky level (more style remarks)")

    @field_validator("languages")
    @classmethod
    def _keep_defaults(cls, value: dict[str, str]) -> dict[str, str]:
        return {**_LT_LANGUAGES, **value}  # setting one language keeps the other's default


def _utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def lt_span(text: str, start: int, length_utf16: int) -> tuple[int, int]:
    """Python offsets of a match: ``start`` in code points, ``length`` in UTF-16 units."""
    # LanguageTool (Java) counts UTF-16 code units. language-tool-python's Match moves `offset` to
    # code points (one less per astral character before it) but leaves `error_length` in UTF-16
    # units, so an emoji inside the span would make it too long without this.
    end, units = start, 0
    while end < len(text) and units < length_utf16:
        units += 2 if ord(text[end]) > 0xFFFF else 1
        end += 1
    return start, end


def _safe_url(url: str) -> str:
    """The server address for messages: scheme, host and port only (no credentials, no path)."""
    parts = urllib.parse.urlsplit(url if "//" in url else f"http://{url}")
    host = parts.hostname or "?"
    return f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}"


def _base_url(url: str) -> str:
    """A base URL language-tool-python can join ``v2/`` to (it drops a last segment without a slash)."""
    url = url.rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url + "/"


class _Deadline(TimeoutError):
    """The server did not finish answering within ``timeout_s`` in all."""


def _within(seconds: float, call: Any) -> Any:
    """``call()`` in a daemon thread, waited for at most ``seconds`` in all.

    requests' timeout bounds each read, not the answer: a server that sends a byte every few seconds, and
    language-tool-python's retries, would hold a post (a pre-commit hook, a CI job) for minutes. On the
    deadline the call is abandoned (its thread ends with the connection) and _Deadline is raised.
    """
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc

    thread = threading.Thread(target=run, name="socialrisk-languagetool", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise _Deadline()
    if "error" in box:
        raise box["error"]
    return box["value"]


def _client(server: str, language: str, timeout: float) -> Any:
    """A language-tool-python client bound to a remote server, with our request timeout."""
    import language_tool_python as ltp

    base = ltp.LanguageToolPublicAPI if server == PUBLIC_API else ltp.LanguageTool
    cls = type("SocialRiskLanguageTool", (base,), {"_TIMEOUT": timeout})
    # remote_server: the client talks to that server only; it never downloads or starts LanguageTool.
    return cls(language=language, remote_server=server)


@register("grammar")
class GrammarChecker(Checker):
    """LanguageTool matches as findings, by LanguageTool category."""

    categories: ClassVar = frozenset({Category.GRAMMAR})
    Settings: ClassVar = GrammarSettings

    def __init__(self, rules, settings, context) -> None:
        super().__init__(rules, settings, context)
        self._tools: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._failed: tuple[float, str] | None = None

    @classmethod
    def validate_rule(cls, rule: "Rule") -> None:
        cats = rule.params.get("lt_categories")
        if not isinstance(cats, list) or not all(isinstance(c, str) and c.isupper() for c in cats):
            raise ValueError("params.lt_categories must be a list of LanguageTool category ids (e.g. TYPOS)")

    # -- the server ------------------------------------------------------------------------

    def _server(self) -> str:
        cfg = self.context.config
        if cfg.languagetool_url:
            return _base_url(cfg.languagetool_url)
        if cfg.languagetool_public_api:
            return PUBLIC_API
        raise SkipCheck(NO_SERVER)

    def _tool(self, lang: str, server: str) -> Any:
        tool = self._tools.get(lang)
        if tool is None:
            tool = _client(server, self.settings.languages.get(lang, lang), self.settings.timeout_s)
            tool.disabled_rules = set(self.settings.disabled_rules)
            tool.picky = self.settings.picky
            self._tools[lang] = tool
        return tool

    def _matches(self, analysis: "Analysis") -> list[Any]:
        server = self._server()
        with self._lock:  # language-tool-python keeps per-text state on its Match class
            if self._failed and time.monotonic() - self._failed[0] < self.settings.retry_after_s:
                raise SkipCheck(self._failed[1])
            deadline = time.monotonic() + self.settings.timeout_s
            try:
                tool = _within(self.settings.timeout_s, lambda: self._tool(analysis.lang, server))
            except ValueError:  # language-tool-python: the server does not list this language
                language = self.settings.languages.get(analysis.lang, analysis.lang)
                raise SkipCheck(f"LanguageTool server at {_safe_url(server)} does not support {language!r}") from None
            except Exception as exc:  # unreachable or refused: skip, never quote the post
                raise self._remember(server, exc) from None
            try:
                matches = _within(max(0.0, deadline - time.monotonic()), lambda: tool.check(analysis.text))
            except Exception as exc:  # lost connection, timeout, bad JSON, the deadline
                self._tools.pop(analysis.lang, None)
                raise self._remember(server, exc) from None
            self._failed = None
            return matches

    def _remember(self, server: str, exc: Exception) -> SkipCheck:
        """A skip for a server that failed; later posts skip at once for ``retry_after_s``."""
        if isinstance(exc, _Deadline):
            reason = f"LanguageTool server at {_safe_url(server)} did not answer within {self.settings.timeout_s:g} s"
        else:
            reason = f"LanguageTool server at {_safe_url(server)} did not answer ({type(exc).__name__})"
        self._failed = (time.monotonic(), reason)
        return SkipCheck(reason)

    # -- findings --------------------------------------------------------------------------

    def _rule_for(self, category: str, lang: str) -> "Rule | None":
        rules = self.rules_for(lang)
        for rule in rules:
            if category in rule.params["lt_categories"]:
                return rule
        return next((r for r in rules if r.params.get("fallback")), None)

    def check(self, analysis: "Analysis", policy: "Policy") -> list[Finding]:
        text = analysis.text
        skip = (*analysis.urls, *analysis.mentions, *analysis.hashtags)
        out = []
        for m in self._matches(analysis):
            rule = self._rule_for(str(m.category), analysis.lang)
            if rule is None:
                continue
            start, end = lt_span(text, int(m.offset), int(m.error_length))
            if end <= start or any(f.start < end and start < f.end for f in skip):
                continue  # links, @handles and #hashtags are not prose
            if m.category == "TYPOS" and policy.allow.allows_name(text[start:end]):
                continue
            replacements = [r for r in m.replacements if isinstance(r, str)][:5]
            suggestion = rule.suggestion
            if replacements:
                suggestion = f"{rule.suggestion} ({', '.join(repr(r) for r in replacements[:3])})"
            out.append(
                self.finding(
                    rule, analysis, start, end,
                    score=float(rule.params.get("score", 0.6)),
                    message=str(m.message or "").strip() or rule.message,
                    suggestion=suggestion,
                    replacement=replacements[0] if replacements else None,
                    details={
                        "languagetool_rule": m.rule_id,
                        "languagetool_category": m.category,
                        "issue_type": getattr(m, "rule_issue_type", None),
                        "replacements": replacements,
                    },
                )
            )
        return out
