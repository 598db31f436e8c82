"""Platform profiles (data in ``rules/common/_platforms.yaml``) and counting the way each platform counts."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis

__all__ = ["Fold", "PlatformProfile", "Measure", "shipped_profiles", "measure", "fold_offset"]

_GRAPHEME = regex.compile(r"\X")
_EMOJI_CLUSTER = regex.compile(r"\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3")


class Fold(BaseModel):
    """What a feed shows before "see more": the first ``lines`` lines, at most ``chars`` characters."""

    model_config = ConfigDict(extra="forbid")
    lines: int = Field(gt=0)
    chars: int = Field(gt=0)


class PlatformProfile(BaseModel):
    """How a platform counts a post, and its limits and norms."""

    model_config = ConfigDict(extra="forbid")

    name: str
    aliases: list[str] = Field(default_factory=list)
    limit: int | None = Field(default=None, gt=0)
    count: Literal["weighted", "graphemes", "chars"] = "chars"
    url_length: int | None = Field(default=None, ge=0)
    url_needs_scheme: bool = False
    mention_domain: bool = True
    weight_ranges: list[tuple[int, int]] = Field(default_factory=list, description="code points of weight 1")
    fold: Fold | None = None
    hashtags_max: int | None = Field(default=None, ge=0)
    hashtags_norm: int | None = Field(default=None, ge=0)
    mentions_norm: int | None = Field(default=None, ge=0)

    @property
    def unit(self) -> str:
        return {"weighted": "weighted characters", "graphemes": "characters", "chars": "characters"}[self.count]


class _ProfilesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str
    profiles: dict[str, PlatformProfile]


@functools.lru_cache(maxsize=1)
def shipped_profiles() -> dict[str, dict]:
    """The shipped profiles as plain data (a config may override single keys before validation)."""
    from ..rules import rules_dir, yaml_load

    raw = yaml_load((rules_dir() / "common" / "_platforms.yaml").read_text("utf-8"))
    data = _ProfilesFile.model_validate(raw)  # fail loudly on a broken shipped file
    return {k: v.model_dump(exclude_unset=True) for k, v in data.profiles.items()}


@dataclass(frozen=True, slots=True)
class Measure:
    """A post's length as the platform counts it, and where the platform would cut it."""

    length: int
    limit: int | None
    cut: int | None  # original offset of the first character past the limit


def _weight(cluster: str, profile: PlatformProfile) -> int:
    if _EMOJI_CLUSTER.search(cluster):
        return 2  # one emoji, however many code points (skin tone, ZWJ, flag), weighs the default 2
    total = 0
    for ch in unicodedata.normalize("NFC", cluster):
        cp = ord(ch)
        total += 1 if any(a <= cp <= b for a, b in profile.weight_ranges) else 2
    return total


def _atoms(analysis: "Analysis", profile: PlatformProfile, end: int) -> list[tuple[int, int, int]]:
    """(start, end, units) pieces of ``text[:end]`` in order: links, mentions and characters."""
    text = analysis.text
    fixed: list[tuple[int, int, int | None]] = []  # None: count the piece as written
    if profile.url_length is not None:
        for u in analysis.urls:
            if not profile.url_needs_scheme or u.text.lower().startswith(("http://", "https://")):
                fixed.append((u.start, u.end, profile.url_length))
    if not profile.mention_domain:
        for m in analysis.mentions:
            at = m.text.find("@", 1)
            if at > 0:  # @user@instance counts as @user
                fixed.append((m.start + at, m.end, 0))
    fixed.sort()
    out: list[tuple[int, int, int]] = []
    pos = 0
    for fs, fe, units in [*fixed, (end, end, 0)]:
        if fs < pos or fs > end:
            continue
        for g in _GRAPHEME.finditer(text, pos, fs):
            s, e = g.span()
            if profile.count == "weighted":
                w = _weight(g.group(), profile)
            elif profile.count == "graphemes":
                w = 1
            else:
                w = e - s
            out.append((s, e, w))
        if fe > fs:
            out.append((fs, fe, units or 0))
        pos = fe
    return out


def measure(analysis: "Analysis", profile: PlatformProfile) -> Measure:
    """Count the post (without trailing white space) as the platform does."""
    end = len(analysis.text.rstrip())
    total, cut = 0, None
    for s, _e, w in _atoms(analysis, profile, end):
        total += w
        if cut is None and profile.limit is not None and total > profile.limit:
            cut = s
    return Measure(total, profile.limit, cut)


def fold_offset(text: str, fold: Fold) -> int:
    """Original offset where the feed's "see more" fold falls (``len(text)`` when all is shown)."""
    lines = 0
    for m in regex.finditer(r"\n", text):
        lines += 1
        if lines >= fold.lines:
            return min(m.start(), fold.chars)
    return min(len(text), fold.chars)
