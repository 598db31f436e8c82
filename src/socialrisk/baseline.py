"""Baselines: record today's findings so that later runs report only new ones.

A finding is recorded by file (relative to the baseline file), post (``#id`` in a collection), rule
id and content fingerprint, never by line: editing other lines of a post does not revive it. Each
record is a count, so a second identical finding in the same post is new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Iterable

from . import __version__
from .errors import ConfigError
from .formats import SourcePost
from .models import Finding

__all__ = ["Baseline", "write_baseline", "VERSION"]

VERSION = 1
Key = tuple[str, str, str, str]


def _file_key(source: SourcePost, root: Path) -> str:
    if source.path in ("-", "<stdin>"):
        return "<stdin>"
    return Path(os.path.relpath(Path(source.path).resolve(), root)).as_posix()


def _key(source: SourcePost, finding: Finding, root: Path) -> Key:
    return (_file_key(source, root), source.label[len(source.path):], finding.rule_id, finding.fingerprint)


class Baseline:
    """The recorded findings; :meth:`take` consumes one match, so it can serve as a suppression."""

    def __init__(self, entries: Counter[Key], root: Path) -> None:
        self.entries, self.root = entries, root

    @classmethod
    def load(cls, path: str | Path) -> "Baseline":
        path = Path(path)
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise ConfigError("baseline file not found", path=str(path)) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            raise ConfigError("baseline file is not readable JSON", path=str(path)) from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
            raise ConfigError(f"not a socialrisk baseline (version {VERSION})", path=str(path))
        entries: Counter[Key] = Counter()
        for i, e in enumerate(data["findings"]):
            try:
                entries[(e["file"], e.get("post", ""), e["rule_id"], e["fingerprint"])] += int(e.get("count", 1))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise ConfigError("malformed entry", path=str(path), key=f"findings.{i}") from None
        return cls(entries, path.resolve().parent)

    def take(self, source: SourcePost, finding: Finding) -> bool:
        key = _key(source, finding, self.root)
        if self.entries[key] > 0:
            self.entries[key] -= 1
            return True
        return False


def write_baseline(path: str | Path, items: Iterable[tuple[SourcePost, list[Finding]]]) -> int:
    """Write the findings of ``items`` as a baseline at ``path``; returns how many were recorded."""
    path = Path(path)
    root = path.resolve().parent
    counts: Counter[Key] = Counter()
    for source, findings in items:
        for f in findings:
            counts[_key(source, f, root)] += 1
    rows = [
        {"file": k[0], **({"post": k[1]} if k[1] else {}), "rule_id": k[2], "fingerprint": k[3], **({"count": n} if n > 1 else {})}
        for k, n in sorted(counts.items())
    ]
    doc = {"version": VERSION, "tool": "socialrisk", "socialrisk": __version__, "findings": rows}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", "utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write baseline ({exc.strerror})", path=str(path)) from None
    return sum(counts.values())
