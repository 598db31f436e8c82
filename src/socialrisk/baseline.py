"""Baselines: record today's findings so that later runs report only new ones.

A finding is recorded by file (relative to the baseline file), post (``#id`` in a collection), rule
id, content fingerprint (rule and matched words) and context: a hash of its sentence, normalised
(case, white space, Unicode form), and of its related spans (e.g. the person a claim is about). It is
never recorded by line: editing other sentences of a post does not revive it, but the same word in a
changed sentence (an accusation aimed at someone else) is new. Each record is a count, so a second
identical finding in the same post is new. Version 1 baselines (no context) are still read; their
entries match by fingerprint alone until ``socialrisk baseline`` is run again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Iterable

from . import __version__
from .errors import ConfigError
from .formats import SourcePost
from .models import Finding

__all__ = ["Baseline", "write_baseline", "VERSION"]

VERSION = 2
READS = (1, 2)
Key = tuple[str, str, str, str, "str | None"]  # file, post, rule id, fingerprint, context (None: version 1)

_SURROGATE = re.compile("[\ud800-\udfff]")
_BOUNDARY = re.compile(r"[.!?…]+(?=\s|\Z)|\n")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def context(text: str, finding: Finding) -> str:
    """A short hash of the finding's sentence in ``text`` (the post text) and of its related excerpts."""
    s, e = finding.span.start, finding.span.end
    start = 0
    for m in _BOUNDARY.finditer(text, 0, s):
        start = m.end()
    m = _BOUNDARY.search(text, max(e, start))
    sentence = text[start : m.end() if m else len(text)]
    related = sorted(_norm(r.excerpt) for r in finding.related)
    data = "\x00".join([_norm(sentence), *related])
    return hashlib.sha1(data.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _file_key(source: SourcePost, root: Path) -> str:
    if source.path in ("-", "<stdin>"):
        return "<stdin>"
    return Path(os.path.relpath(Path(source.path).resolve(), root)).as_posix()


def _key(source: SourcePost, finding: Finding, root: Path) -> Key:
    text = source.text if isinstance(source.text, str) else ""
    return (_file_key(source, root), source.label[len(source.path):], finding.rule_id, finding.fingerprint, context(text, finding))


class Baseline:
    """The recorded findings; :meth:`take` consumes one match, so it can serve as a suppression."""

    @classmethod
    def load(cls, path: str | Path) -> "Baseline":
        path = Path(path)
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise ConfigError("baseline file not found", path=str(path)) from None
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):  # ValueError: JSON, or a 5000-digit number
            raise ConfigError("baseline file is not readable JSON", path=str(path)) from None
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise ConfigError("not a socialrisk baseline (no 'findings' list)", path=str(path))
        version = data.get("version")
        if version not in READS:
            raise ConfigError(
                f"unsupported baseline version {version!r} (this socialrisk reads versions "
                f"{', '.join(map(str, READS))}; run 'socialrisk baseline' to write a new one)", path=str(path),
            )
        entries: Counter[Key] = Counter()
        for i, e in enumerate(data["findings"]):
            try:
                ctx = e["context"] if version >= 2 else None
                entries[(e["file"], e.get("post", ""), e["rule_id"], e["fingerprint"], ctx)] += int(e.get("count", 1))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise ConfigError("malformed entry", path=str(path), key=f"findings.{i}") from None
        return cls(entries, path.resolve().parent, version=version)

    def __init__(self, entries: Counter[Key], root: Path, *, version: int = VERSION) -> None:
        self.entries, self.root, self.version = entries, root, version

    def take(self, source: SourcePost, finding: Finding) -> bool:
        key = _key(source, finding, self.root)
        for k in (key, key[:4] + (None,)):  # a version 1 entry has no context
            if self.entries[k] > 0:
                self.entries[k] -= 1
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
        {"file": k[0], **({"post": k[1]} if k[1] else {}), "rule_id": k[2], "fingerprint": k[3], "context": k[4],
         **({"count": n} if n > 1 else {})}
        for k, n in sorted(counts.items())
    ]
    doc = {"version": VERSION, "tool": "socialrisk", "socialrisk": __version__, "findings": rows}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A lone surrogate (a cut-off emoji in a post id) is written as its \\u escape: valid UTF-8, read back the same.
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(doc, indent=2, ensure_ascii=False))
        path.write_text(text + "\n", "utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write baseline ({exc.strerror})", path=str(path)) from None
    return sum(counts.values())
