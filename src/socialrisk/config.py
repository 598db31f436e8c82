"""Configuration: ``socialrisk.toml`` or ``[tool.socialrisk]`` in ``pyproject.toml``.

Found by walking up from the working directory (the nearest file wins; a ``pyproject.toml`` counts
only when it has a ``[tool.socialrisk]`` table, or when it cannot be parsed but mentions socialrisk:
then it is an error, not skipped). A ``socialrisk.toml`` holds its keys bare (``[policy]``) or in a
``[tool.socialrisk]`` table (``[tool.socialrisk.policy]``), as copied from a pyproject.toml. Every key
is validated; errors name file and key.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError
from .policy import Policy, not_a_bool

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["Config", "find_config", "load_config"]


class Config(BaseModel):
    """Everything a Pipeline needs to know; all fields have safe, offline defaults."""

    model_config = ConfigDict(extra="forbid")

    default_language: Literal["nl", "en"] = Field(
        default="nl", description="used when a post's language cannot be detected"
    )
    platform: str | None = Field(default=None, description="default platform profile, e.g. 'x'")
    max_chars: int = Field(default=100_000, gt=0, description="longer posts are refused (InputTooLarge)")
    vocabulary_budget: int = Field(
        default=200_000, ge=0,
        description="new words a long-lived process keeps in spaCy's string store; past it, each check's new "
        "words are freed when the check ends (0: always)",
    )
    rule_packs: list[str] = Field(default_factory=list, description="extra rule packs (files or folders)")
    disable: list[str] = Field(default_factory=list, description="checkers not to run")
    spacy_models: dict[Literal["nl", "en"], str] = Field(
        default_factory=dict, description="installed trained spaCy pipelines to use instead of blank ones"
    )
    languagetool_url: str | None = Field(default=None, description="a LanguageTool server, e.g. http://localhost:8010")
    languagetool_public_api: bool = Field(
        default=False, description="allow sending drafts to the public LanguageTool API (off: drafts are private)"
    )
    policy: Policy = Field(default_factory=Policy)
    checkers: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="per-checker settings, validated by each checker"
    )
    source: str | None = Field(default=None, exclude=True, description="the file this came from")

    _numbers = field_validator("max_chars", "vocabulary_budget", mode="before")(classmethod(lambda cls, v: not_a_bool(v)))

    @classmethod
    def from_mapping(cls, data: dict[str, Any], *, path: str | None = None) -> "Config":
        try:
            cfg = cls.model_validate(data)
        except ValidationError as exc:
            e = exc.errors()[0]
            key = ".".join(str(p) for p in e["loc"])
            raise ConfigError(e["msg"], path=path, key=key) from None
        base = Path(path).parent if path else _cwd()
        packs = [str((base / p).resolve()) if not Path(p).is_absolute() else p for p in cfg.rule_packs]
        return cfg.model_copy(update={"rule_packs": packs, "source": path})


def _cwd() -> Path:
    try:
        return Path.cwd()
    except FileNotFoundError:  # the working directory was deleted under the process
        raise ConfigError("the working directory no longer exists, so no socialrisk.toml can be looked for; "
                          "change to an existing folder or pass a config") from None


def find_config(start: str | Path | None = None) -> Path | None:
    here = Path(start or _cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "socialrisk.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                raw = pyproject.read_bytes()
            except OSError:
                continue
            try:
                if "socialrisk" in tomllib.loads(raw.decode("utf-8-sig")).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
                if b"socialrisk" in raw:
                    # It may hold our config: skipping it would silently use a parent's, or none.
                    return pyproject  # load_config reports what is wrong with it
                continue  # someone else's broken pyproject is not our config
    return None


def load_config(path: str | Path | None = None, *, discover: bool = True) -> Config:
    """Load the config at ``path``, or the nearest one, or the defaults."""
    if path is None:
        path = find_config() if discover else None
        if path is None:
            return Config()
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")  # a BOM (Windows editors) is not a TOML statement
    except FileNotFoundError:
        raise ConfigError("config file not found", path=str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("config file is not valid UTF-8", path=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file ({exc.strerror})", path=str(path)) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML ({exc})", path=str(path)) from None
    except RecursionError:
        raise ConfigError("invalid TOML (nested too deeply)", path=str(path)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("socialrisk", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError("must be a table", path=str(path), key="tool.socialrisk")
    elif "tool" in data:
        data = _unwrap_tool(data, str(path))
    return Config.from_mapping(data, path=str(path))


def _unwrap_tool(data: dict[str, Any], path: str) -> dict[str, Any]:
    """A ``socialrisk.toml`` may hold its keys bare or in ``[tool.socialrisk]`` (as in pyproject.toml), not both."""
    tool = data["tool"]
    if not isinstance(tool, dict) or "socialrisk" not in tool:
        raise ConfigError("Extra inputs are not permitted (only [tool.socialrisk] is read)", path=path, key="tool")
    others = [k for k in tool if k != "socialrisk"]
    if others:
        raise ConfigError("Extra inputs are not permitted (only [tool.socialrisk] is read)", path=path, key=f"tool.{others[0]}")
    bare = [k for k in data if k != "tool"]
    if bare:
        raise ConfigError(
            "bare keys and a [tool.socialrisk] table in one file; use one form", path=path, key=bare[0]
        )
    if not isinstance(tool["socialrisk"], dict):
        raise ConfigError("must be a table", path=path, key="tool.socialrisk")
    return tool["socialrisk"]
