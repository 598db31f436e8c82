"""Platform fit: length as each platform counts it, the "see more" fold, tags, links and accessibility.

Each rule names its mechanism in ``params.check`` (a closed set, as Vale's ``extends``); the words,
hosts, emoji and numbers it needs are in the rule or in the platform profiles (``_platforms.yaml``).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Set
from typing import Any, Callable, ClassVar, Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..analysis import word_forms
from ..errors import ConfigError
from ..models import Category, Finding
from ._match import rule_hits, rule_mechanism
from ._platforms import PlatformProfile, fold_offset, measure, shipped_profiles
from .advertising import is_paid
from .base import Checker, register

__all__ = ["PlatformChecker", "PlatformSettings", "hashtag_words"]

_PARAMS: dict[str, set[str]] = {
    "profile": set(),
    "length": set(),
    "hashtags_max": set(),
    "hashtags_norm": set(),
    "mentions_norm": set(),
    "hashtag_case": {"min_letters", "min_letters_caps", "max_words", "joiners"},
    "link_host": {"hosts"},
    "link_query": {"keys"},
    "link_scheme": set(),
    "emoji_in_word": set(),
    "emoji_as_word": {"emoji"},
    "styled_text": {"min_chars"},
    "media_alt": set(),
    "above_fold": {"links", "paid_only"},
}
_TERMS_NEEDED = {"above_fold"}
# Mathematical Alphanumeric Symbols, plus the Letterlike Symbols that fill its holes (italic h = U+210E).
_MATH = "\U0001d400-\U0001d7ff\u210e\u212c\u2130\u2131\u210b\u2110\u2112\u2133\u211b\u212f\u210a\u2134\u212d\u210c\u2111\u211c\u2128\u2102\u210d\u2115\u2119\u211a\u211d\u2124"
_STYLED = regex.compile(rf"[{_MATH}](?:[{_MATH}\s'’.,!?:;\-]*[{_MATH}])?")
_MATH_CHAR = regex.compile(rf"[{_MATH}]")
_CASE_TAG = regex.compile(r"#(\p{L}+)(\d*)")
# Endings that are also function words: a split ending in one is an inflected word ("huisarts|en").
_INFLECTIONS = frozenset({"en", "de", "te", "je", "er", "es", "ed", "in", "us"})
_LETTERS = regex.compile(r"[\p{L}'’]+")


class PlatformSettings(BaseModel):
    """Config: ``[tool.socialrisk.checkers.platform]``."""

    model_config = ConfigDict(extra="forbid")

    profiles: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="new profiles, or keys overriding a shipped one (e.g. x: {limit: 25000})"
    )
    mastodon_limit: int | None = Field(default=None, gt=0, description="your Mastodon instance's post limit")

    @model_validator(mode="after")
    def _profiles_valid(self) -> "PlatformSettings":
        for name, data in self.profiles.items():
            PlatformProfile.model_validate({"name": name, **shipped_profiles().get(name, {}), **data})
        return self


_ENDINGS = ("s", "es", "en", "n", "e", "er", "ers")


def _is_word(w: str, vocab: Set[str]) -> bool:
    # Plurals and inflections missing from the tables ("huisartsen", "republicans") are one word too.
    return w in vocab or any(w.endswith(x) and w[: -len(x)] in vocab for x in _ENDINGS)


def hashtag_words(word: str, joiners: Iterable[str], max_words: int = 4) -> tuple[list[str], bool] | None:
    """Split a run-together hashtag into words: (words, unique split), or None when not clearly several.

    Words of 4+ letters and the given short joiners (nu, de, the, ...) only. Dutch writes compounds as
    one word (#woningnood is fine), so a Dutch split counts only with a joiner (#woningnoodnu); an
    all-English split counts as it is (#climatejustice).
    """
    nl, en = word_forms()
    join = frozenset(j.lower() for j in joiners)
    w = word.lower()
    if _is_word(w, nl) or _is_word(w, en):
        return None
    # best[i] = (fewest pieces for w[:i], number of such splits, one such split)
    best: list[tuple[int, int, list[str]] | None] = [(0, 1, [])] + [None] * len(w)
    for i in range(1, len(w) + 1):
        for j in range(max(0, i - 30), i):
            piece, prev = w[j:i], best[j]
            if prev is None or not (piece in join or (len(piece) >= 4 and (piece in nl or piece in en))):
                continue
            cand = (prev[0] + 1, prev[1], [*prev[2], piece])
            cur = best[i]
            if cur is None or cand[0] < cur[0]:
                best[i] = cand
            elif cand[0] == cur[0]:
                best[i] = (cur[0], cur[1] + prev[1], cur[2])
    got = best[len(w)]
    if got is None or not 2 <= got[0] <= max_words:
        return None
    parts = got[2]
    english = all(p in en for p in parts) and not all(p in nl for p in parts)
    return (parts, got[1] == 1) if english or any(p in join for p in parts) else None


def _host(url: str) -> str:
    rest = regex.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=regex.I)
    host = regex.split(r"[/?#]", rest, maxsplit=1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    return host.lower().removeprefix("www.")


_EMOJI_MODIFIERS = regex.compile(r"[\ufe0f\U0001f3fb-\U0001f3ff]")  # variation selector, skin tones
_GAP_READ = 64  # how far before an emoji a word may end ("word   🏠 word")
_LETTER_SPACE_END = regex.compile(r"\p{L}[ \t]+\Z")
_SPACE_LETTER = regex.compile(r"[ \t]+\p{L}")


@register("platform")
class PlatformChecker(Checker):
    """Platform fit and accessibility of a post."""

    categories: ClassVar = frozenset({Category.PLATFORM})
    Settings: ClassVar = PlatformSettings

    @classmethod
    def validate_rule(cls, rule) -> None:
        check = rule_mechanism(rule, _PARAMS)
        if check in _TERMS_NEEDED and not any(rule.match.terms_for(lang) for lang in rule.languages):
            raise ValueError(f"check {check!r} needs match.terms")
        for key in ("hosts", "keys", "emoji", "joiners"):
            value = rule.params.get(key)
            if key in _PARAMS[check] and (not isinstance(value, list) or not all(isinstance(v, str) and v for v in value)):
                raise ValueError(f"params.{key} must be a list of non-empty strings")
        for key in ("min_letters", "min_letters_caps", "max_words", "min_chars"):
            if key in rule.params and (not isinstance(rule.params[key], int) or rule.params[key] < 1):
                raise ValueError(f"params.{key} must be a positive integer")

    # -- profiles --------------------------------------------------------------------------

    def profile(self, platform: str | None, policy) -> tuple[str | None, PlatformProfile | None]:
        """The profile of a platform name or alias, with config and policy overrides applied."""
        if not platform:
            return None, None
        name = platform.strip().lower()
        shipped = shipped_profiles()
        for key, data in shipped.items():
            if name in data.get("aliases", []):
                name = key
        user = self.settings.profiles.get(name)
        if name not in shipped and user is None:
            return name, None
        data = {"name": name, **shipped.get(name, {}), **(user or {})}
        if name == "mastodon" and self.settings.mastodon_limit:
            data["limit"] = self.settings.mastodon_limit
        data.update(policy.platforms.get(name, {}))
        try:
            return name, PlatformProfile.model_validate(data)
        except ValidationError as exc:
            e = exc.errors()[0]
            raise ConfigError(e["msg"], key=".".join(["policy.platforms", name, *map(str, e["loc"])])) from None

    # -- checking --------------------------------------------------------------------------

    def check(self, analysis, policy) -> list[Finding]:
        name, profile = self.profile(analysis.post.platform, policy)
        out: list[Finding] = []
        for rule in self.rules_for(analysis.lang):
            check = rule.params["check"]
            if check == "profile":
                if name and profile is None:
                    out.append(self.finding(rule, analysis, 0, 0, details={"platform": name}))
                continue
            fn: Callable = getattr(self, f"_{check}")
            out.extend(fn(rule, analysis, profile))
        return out

    def _length(self, rule, a, profile):
        if profile is None or profile.limit is None:
            return []
        m = measure(a, profile)
        if m.cut is None:
            return []
        end = len(a.text.rstrip())
        line = a.text.count("\n", 0, m.cut) + 1
        msg = (f"Too long for {profile.name}: {m.length} of {m.limit} {profile.unit}; "
               f"the post is cut at character {m.cut} (line {line}).")
        start = m.cut + len(a.text[m.cut:end]) - len(a.text[m.cut:end].lstrip())  # the span starts at a word
        return [self.finding(rule, a, start, end, message=msg,
                             details={"platform": profile.name, "length": m.length, "limit": m.limit, "cut": m.cut})]

    def _count(self, rule, a, features, limit, what, profile):
        if limit is None or len(features) <= limit:
            return []
        extra = features[limit:]
        msg = f"{len(features)} {what}; {profile.name} allows {limit}." if rule.params["check"] == "hashtags_max" \
            else f"{len(features)} {what}; the norm on {profile.name} is at most {limit}."
        return [self.finding(rule, a, extra[0].start, extra[0].end, message=msg,
                             related=[(f.start, f.end) for f in extra[1:]],
                             details={"count": len(features), "limit": limit})]

    def _hashtags_max(self, rule, a, profile):
        return self._count(rule, a, a.hashtags, profile and profile.hashtags_max, "hashtags", profile)

    def _hashtags_norm(self, rule, a, profile):
        return self._count(rule, a, a.hashtags, profile and profile.hashtags_norm, "hashtags", profile)

    def _mentions_norm(self, rule, a, profile):
        return self._count(rule, a, a.mentions, profile and profile.mentions_norm, "mentions", profile)

    def _hashtag_case(self, rule, a, profile):
        out = []
        for h in a.hashtags:
            m = _CASE_TAG.fullmatch(h.text)
            if not m or not (m[1].islower() or m[1].isupper()) or len(m[1]) < rule.params.get("min_letters", 6):
                continue
            if m[1].isupper() and len(m[1]) < rule.params.get("min_letters_caps", 8):
                continue  # short all-caps tags are acronyms (#SCOTUS)
            split = hashtag_words(m[1], rule.params["joiners"], rule.params.get("max_words", 4))
            if split and split[1]:
                fixed = "#" + "".join(p.capitalize() for p in split[0]) + m[2]
                out.append(self.finding(rule, a, h.start, h.end, replacement=fixed,
                                        suggestion=f"Write the hashtag in CamelCase: {fixed}."))
            elif split:  # several words, but more than one way to split them: no replacement
                out.append(self.finding(rule, a, h.start, h.end))
        return out

    def _link_host(self, rule, a, profile):
        hosts = {h.lower() for h in rule.params["hosts"]}
        return [self.finding(rule, a, u.start, u.end, details={"host": _host(u.text)})
                for u in a.urls if _host(u.text) in hosts]

    def _link_query(self, rule, a, profile):
        keys = [k.lower() for k in rule.params["keys"]]

        def tracking(k: str) -> bool:
            k = k.lower()
            return any(k.startswith(p[:-1]) if p.endswith("*") else k == p for p in keys)

        out = []
        for u in a.urls:
            url = u.text if "://" in u.text else "https://" + u.text
            try:
                parts = urlsplit(url)
            except ValueError:  # "https://a.nl]b", "http://[": urllib refuses the host; no query to clean
                continue
            query = parse_qsl(parts.query, keep_blank_values=True)
            if not any(tracking(k) for k, _ in query):
                continue
            clean = urlunsplit(parts._replace(query=urlencode([(k, v) for k, v in query if not tracking(k)])))
            if "://" not in u.text:
                clean = clean.removeprefix("https://")
            out.append(self.finding(rule, a, u.start, u.end, replacement=clean))
        return out

    def _link_scheme(self, rule, a, profile):
        return [self.finding(rule, a, u.start, u.end, replacement="https://" + u.text[7:])
                for u in a.urls if u.text[:7].lower() == "http://"]

    def _emoji_in_word(self, rule, a, profile):
        t, out = a.text, []
        for e in a.emoji:
            if not (0 < e.start and e.end < len(t) and t[e.start - 1].isalpha() and t[e.end].isalpha()):
                continue
            nl, en = word_forms()  # loaded only when an emoji sits between letters (about 1 s)
            left = _LETTERS.findall(t[: e.start])[-1].lower()
            right = _LETTERS.match(t, e.end).group().lower()
            # Inside a word only when the letters around it make a word, with or without one letter for
            # the emoji ("w🏠ningen"); "Dunno😀go" is two words glued together, which screen readers read.
            joined = [left + right, *(left + c + right for c in "abcdefghijklmnopqrstuvwxyz")]
            if any(j in nl or j in en for j in joined):
                out.append(self.finding(rule, a, e.start, e.end))
        return out

    def _emoji_as_word(self, rule, a, profile):
        wanted = {w.replace("\ufe0f", "") for w in rule.params["emoji"]}
        t, out = a.text, []
        for e in a.emoji:
            base = _EMOJI_MODIFIERS.sub("", e.text)
            # Only the characters next to the emoji are read: a scan of the text before it, for each of
            # 50 000 emoji, took minutes.
            if (base in wanted and _LETTER_SPACE_END.search(t, max(0, e.start - _GAP_READ), e.start)
                    and _SPACE_LETTER.match(t, e.end)):
                out.append(self.finding(rule, a, e.start, e.end))
        return out

    def _styled_text(self, rule, a, profile):
        out = []
        for m in _STYLED.finditer(a.text):
            if len(_MATH_CHAR.findall(m.group())) >= rule.params.get("min_chars", 2):
                out.append(self.finding(rule, a, m.start(), m.end(),
                                        replacement=unicodedata.normalize("NFKC", m.group())))
        return out

    def _media_alt(self, rule, a, profile):
        missing = [i for i, m in enumerate(a.post.media) if not (m.alt and m.alt.strip())]
        # Media are not text: one finding at the start, naming the media by their index.
        return [self.finding(rule, a, 0, 0, details={"media": missing})] if missing else []

    def _above_fold(self, rule, a, profile):
        if profile is None or profile.fold is None:
            return []
        if rule.params.get("paid_only") and not is_paid(a.post):
            return []
        fold = fold_offset(a.text, profile.fold)
        if fold >= len(a.text.rstrip()):
            return []
        hits = rule_hits(rule, a)
        if rule.params.get("links"):
            hits += [(u.start, u.end) for u in a.urls]
        if not hits or min(hits)[0] < fold:
            return []
        s, e = min(hits)
        msg = f"{rule.message.rstrip('.')} (the fold on {profile.name} falls at character {fold})."
        return [self.finding(rule, a, s, e, message=msg, details={"fold": fold})]
