"""Baselines: record today's findings so that later runs report only new ones.

A finding is recorded by file (relative to the baseline file), post (``#id`` in a collection), rule
id, content fingerprint (rule and matched words) and context: a hash of its sentence, normalised
(case, white space, Unicode form), and of its related spans (e.g. the person a claim is about). It is
never recorded by line: editing other sentences of a post does not revive it, but the same word in a
changed sentence (an accusation aimed at someone else) is new. Each record is a count, so a second
identical finding in the same post is new.

Personal data never enters a hash. A short unsalted hash of a phone number or BSN is no secret: there
are only 10**8 of them to try. So a privacy finding's fingerprint is made from the shape of its words
(``99-99999999``), and every privacy span of the post (the data and the name it is about) is masked in
the sentence before the context is hashed. Version 3 does this; versions 1 (no context) and 2 (plain
hashes) are still read, with a note, until ``socialrisk baseline`` is run again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Sequence

from . import __version__
from .errors import ConfigError
from .formats import SourcePost
from .models import Category, Finding, Report

__all__ = ["Baseline", "write_baseline", "VERSION"]

VERSION = 3
READS = (1, 2, 3)
Key = tuple[str, str, str, str, "str | None"]  # file, post, rule id, fingerprint, context (None: version 1)
Spans = Sequence[tuple[int, int]]
_MASK = "\x01"  # stands for a masked stretch of personal data; never in a normalised post

_SURROGATE = re.compile("[\ud800-\udfff]")
_BOUNDARY = re.compile(r"[.!?…]+(?=\s|\Z)|\n")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _hash(data: str) -> str:
    return hashlib.sha1(data.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def personal_spans(findings: Iterable[Finding]) -> list[tuple[int, int]]:
    """Where a post holds personal data: the spans of its privacy findings and the names they relate to."""
    spans = [(s.start, s.end) for f in findings if f.category is Category.PRIVACY for s in (f.span, *f.related)]
    return sorted(spans)


def _masked(text: str, start: int, end: int, personal: Spans) -> str:
    """``text[start:end]`` with each stretch of personal data replaced by one mask character."""
    out, pos = [], start
    for s, e in personal:
        s, e = max(s, pos), min(e, end)
        if s < e:
            out += [text[pos:s], _MASK]
            pos = e
    out.append(text[pos:end])
    return "".join(out)


def context(text: str, finding: Finding, personal: Spans = ()) -> str:
    """A short hash of the finding's sentence in ``text`` (the post text) and of its related excerpts,
    with the ``personal`` spans masked (pass none for a version 2 context)."""
    s, e = finding.span.start, finding.span.end
    start = 0
    for m in _BOUNDARY.finditer(text, 0, s):
        start = m.end()
    m = _BOUNDARY.search(text, max(e, start))
    sentence = _masked(text, start, m.end() if m else len(text), personal)
    related = sorted(_norm(_masked(text, r.start, r.end, personal)) for r in finding.related)
    return _hash("\x00".join([_norm(sentence), *related]))


def _legacy_fingerprint(finding: Finding) -> str:
    """The fingerprint of versions 1 and 2: rule id and normalised words, personal data or not."""
    from .analysis import normalize

    return _hash(f"{finding.rule_id}\x00{normalize(finding.span.excerpt).text}")


def _file_key(source: SourcePost, root: Path) -> str:
    if source.path in ("-", "<stdin>"):
        return "<stdin>"
    return Path(os.path.relpath(Path(source.path).resolve(), root)).as_posix()


def _key(source: SourcePost, finding: Finding, root: Path, personal: Spans) -> Key:
    text = source.text if isinstance(source.text, str) else ""
    return (_file_key(source, root), source.label[len(source.path):], finding.rule_id, finding.fingerprint,
            context(text, finding, personal))


def _legacy_key(source: SourcePost, finding: Finding, root: Path, version: int) -> Key:
    text = source.text if isinstance(source.text, str) else ""
    ctx = context(text, finding) if version == 2 else None
    return (_file_key(source, root), source.label[len(source.path):], finding.rule_id, _legacy_fingerprint(finding), ctx)


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
                ctx = e["context"] if version >= 2 else None  # version 1 has no context
                entries[(e["file"], e.get("post", ""), e["rule_id"], e["fingerprint"], ctx)] += int(e.get("count", 1))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise ConfigError("malformed entry", path=str(path), key=f"findings.{i}") from None
        return cls(entries, path.resolve().parent, version=version)

    def __init__(self, entries: Counter[Key], root: Path, *, version: int = VERSION) -> None:
        self.entries, self.root, self.version = entries, root, version

    def take(self, source: SourcePost, finding: Finding, personal: Spans | None = None) -> bool:
        """Consume the entry of ``finding`` if there is one. ``personal``: the post's personal data
        (:func:`personal_spans` of all its findings); by default only the finding's own."""
        if self.version < 3:
            key = _legacy_key(source, finding, self.root, self.version)
        else:
            key = _key(source, finding, self.root, personal_spans([finding]) if personal is None else personal)
        if self.entries[key] > 0:
            self.entries[key] -= 1
            return True
        return False

    def matcher(self, report: Report) -> Callable[[SourcePost, Finding], bool]:
        """:meth:`take` for the findings of ``report``, with the personal data of the whole post masked."""
        personal = personal_spans([*report.findings, *report.suppressed])
        return lambda source, finding: self.take(source, finding, personal)


def write_baseline(path: str | Path, items: Iterable[tuple[SourcePost, Report]]) -> int:
    """Write the findings of the reports in ``items`` as a baseline at ``path``; returns how many were recorded.
    Suppressed findings are not recorded, but their personal data is masked as well."""
    path = Path(path)
    root = path.resolve().parent
    counts: Counter[Key] = Counter()
    for source, report in items:
        personal = personal_spans([*report.findings, *report.suppressed])
        for f in report.findings:
            counts[_key(source, f, root, personal)] += 1
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
