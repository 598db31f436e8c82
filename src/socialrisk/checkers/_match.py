"""Shared matching mechanisms: lexicons, patterns with validators and context, and nearness.

Lexicons match on the analysis' normalised view (case, accents, invisible characters, homoglyphs and
leetspeak folded) and map hits back to original offsets. Patterns run on the original text with the
``regex`` module under a hang guard (:func:`scan`), so no rule can hang a batch.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
import threading
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

import regex

from ..analysis import normalize
from ..rules import compiled_regex

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis
    from ..rules import PatternSpec, Rule

__all__ = [
    "Hit",
    "Lexicon",
    "CompiledPattern",
    "compile_pattern",
    "VALIDATORS",
    "validator",
    "near",
    "words_near",
    "word_tokens",
    "rule_hits",
    "rule_mechanism",
    "per_rule",
    "per_object",
    "rule_lexicon",
    "exclude_lexicon",
    "context_lexicon",
    "in_links",
    "in_identifiers",
    "rule_patterns",
    "REGEX_TIMEOUT",
    "PatternTimeout",
    "scan",
]

log = logging.getLogger("socialrisk")

REGEX_TIMEOUT = 0.25  # seconds per pattern per post: far above any sane pattern, far below a hang
_RETRY_TIMEOUT = 4 * REGEX_TIMEOUT  # the second try, after a first that ran out


class PatternTimeout(TimeoutError):
    """A rule pattern ran out of time twice on one post; its checker is reported as failed."""


def scan(rx: "regex.Pattern[str]", text: str, name: str, **options: Any) -> list["regex.Match[str]"]:
    """Every match of ``rx`` in ``text``, collected at once, under the hang guard.

    ``regex`` measures its timeout in CPU time of the whole process (``clock()``) from the moment the
    scanner is made, so other threads (a dask worker, a web server), a garbage collection or a paused
    generator all spend a pattern's budget. Hence: the matches are collected in one call, with the GIL
    held (``concurrent=False``: no other Python thread runs mid-scan), and a first time-out is retried
    once with a fresh, larger budget. A pattern that runs out twice raises :class:`PatternTimeout`,
    so its checker shows in the report's ``failed`` instead of silently finding nothing.
    """
    for budget in (REGEX_TIMEOUT, _RETRY_TIMEOUT):
        try:
            return list(rx.finditer(text, timeout=budget, concurrent=False, **options))
        except TimeoutError:
            # Never log the text; the pattern name is enough to find the culprit.
            log.warning("pattern %r ran out of time (%.2f s) on a post", name, budget)
    raise PatternTimeout(f"pattern {name!r} ran out of time twice on one post")


_B = r"(?<![\p{L}\p{N}_])"
_E = r"(?![\p{L}\p{N}_])"


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # original offsets
    end: int
    term: str  # the lexicon entry or pattern name that matched
    score: float = 1.0


def _term_regex(term: str, masked: bool) -> str:
    """A lexicon entry as a regex: spaces match any white space, a trailing ``*`` any word ending."""
    prefix = term.endswith("*")
    t = normalize(term.rstrip("*")).text.strip()
    parts = []
    for i, ch in enumerate(t):
        if ch == " ":
            parts.append(r"[\s\-]+" if i else " ")
        elif masked and ch.isalpha() and 0 < i < len(t) - 1:
            # "f*ck", "k*tzooi": one inner letter may be masked by * or #
            parts.append(f"(?:{regex.escape(ch)}|[*#])")
        else:
            parts.append(regex.escape(ch))
    body = "".join(parts)
    return body + (r"[\p{L}\p{N}]*" if prefix else "")


_RUN = regex.compile(r"[\p{L}\p{N}]+")
_RUN_ASCII = re.compile(r"[A-Za-z0-9]+")  # the same runs on ASCII text (most normalised posts), faster
_INNER_HASH = regex.compile(r"[^\s#]#")
_MAX_PREFIX = 24  # longest word prefix kept for ``prefix*`` terms; longer anchors are tested one by one
_SHORT_TEXT = 40  # search_text remembers the hits in strings up to this long ...
_SHORT_TEXTS_KEPT = 4096  # ... this many per lexicon (then it starts over)


def _anchor(term: str) -> tuple[str, bool] | None:
    """A term's longest run of letters/digits (normalised) and whether it may be a word's prefix.

    Every match of the term contains each of its runs as a whole word of the post (the last run of a
    ``prefix*`` term as the start of one), so a post without the anchor cannot match: see ``_Words``.
    The longest run is the rarest in practice ("de beste" is anchored on "beste", not "de").
    """
    prefix = term.endswith("*")
    t = normalize(term.rstrip("*")).text.strip()
    runs = list(_RUN.finditer(t))
    if not runs:
        return None
    m = max(runs, key=lambda r: len(r.group()))
    return m.group(), prefix and m.end() == len(t)


# --- which lexicons have an anchor in a post: one pass over its words for all lexicons ----------
#
# Every Lexicon registers its anchors here under a serial number. A post's words are then looked up
# once, giving for each lexicon the anchors it has in the post; a lexicon that has none (most of them,
# in most posts) is skipped without set tests of its own. The tables are only replaced or extended
# under the lock, with tuples, so a post may read them at any time; ``_ANCHORS_COMPLETE`` says which
# serials were fully registered when a post's lookup started (a lexicon built later tests itself).

_anchor_lock = threading.Lock()
_WORD_OWNERS: dict[str, tuple[int, ...]] = {}
# Anchors of "prefix*" terms (at most _MAX_PREFIX long) by their first two letters: (anchor, serial).
_PREFIX_OWNERS: dict[str, tuple[tuple[str, int], ...]] = {}
_PREFIX_ANCHORS: tuple[str, ...] = ()  # all of them, for one str.startswith per word
_next_serial = 0
_ANCHORS_COMPLETE = 0  # serials below this are fully registered
# Lexicons garbage-collected since the last registration: (serial, word anchors, prefix anchors). A
# finalizer only appends here (it may run inside the lock); the next registration removes them.
_FORGOTTEN: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []


def _register_anchors(words: Iterable[str], prefixes: Iterable[str]) -> int:
    global _next_serial, _ANCHORS_COMPLETE, _PREFIX_ANCHORS
    with _anchor_lock:
        while _FORGOTTEN:
            gone, gone_words, gone_prefixes = _FORGOTTEN.pop()
            for w in gone_words:
                _drop_owner(_WORD_OWNERS, w, lambda owner: owner == gone)
            for w in gone_prefixes:
                _drop_owner(_PREFIX_OWNERS, w[:2], lambda owner: owner[1] == gone)
        serial = _next_serial
        _next_serial += 1
        for w in words:
            _WORD_OWNERS[w] = (*_WORD_OWNERS.get(w, ()), serial)
        for w in prefixes:
            if len(w) <= _MAX_PREFIX:  # longer ones are the lexicon's own ``_long_prefixes``
                _PREFIX_OWNERS[w[:2]] = (*_PREFIX_OWNERS.get(w[:2], ()), (w, serial))
        _PREFIX_ANCHORS = tuple({anchor for owners in _PREFIX_OWNERS.values() for anchor, _ in owners})
        _ANCHORS_COMPLETE = serial + 1
    return serial


def _drop_owner(table: dict, key: str, is_gone: Callable[[Any], bool]) -> None:
    left = tuple(owner for owner in table.get(key, ()) if not is_gone(owner))
    if left:
        table[key] = left
    else:
        table.pop(key, None)


class _Words:
    """The words of a normalised text, for the lexicon pre-check (anchors and prefixes when needed).

    ``shared``: many lexicons will ask (a post's words), so look up all their anchors at once; a string
    searched once by one lexicon (``search_text``) is cheaper to test against that lexicon alone.
    """

    __slots__ = ("words", "masks", "_prefixes", "_anchored", "_complete")

    def __init__(self, text: str, shared: bool = False) -> None:
        self.words = set((_RUN_ASCII if text.isascii() else _RUN).findall(text))
        # A masked lexicon may match "f*ck" or "k#t" across runs; a "#" that opens a hashtag is no mask.
        self.masks = "*" in text or ("#" in text and _INNER_HASH.search(text) is not None)
        self._prefixes: set[str] | None = None
        self._anchored: dict[int, list[tuple[bool, str]]] | None = None if shared else {}
        self._complete = 0

    @property
    def prefixes(self) -> set[str]:
        """Every word's prefixes up to a bounded length (a 100 000-character "word" must not cost 10^10)."""
        if self._prefixes is None:
            self._prefixes = {w[:i] for w in self.words for i in range(1, min(len(w), _MAX_PREFIX) + 1)}
        return self._prefixes

    def anchored(self, serial: int) -> list[tuple[bool, str]] | None:
        """(is a prefix anchor, anchor) of lexicon ``serial`` found among the words; None: not known."""
        if self._anchored is None:
            self._complete = _ANCHORS_COMPLETE  # read first: serials below it have all their anchors in
            found: dict[int, list[tuple[bool, str]]] = {}
            words = self.words
            for w in _WORD_OWNERS.keys() & words:  # set operations: the words are looked up in C
                for owner in _WORD_OWNERS.get(w, ()):
                    found.setdefault(owner, []).append((False, w))
            anchors = _PREFIX_ANCHORS
            for w in [w for w in words if w.startswith(anchors)]:  # rarely any
                # a one-letter anchor is filed under itself: look under the first letter too
                for anchor, owner in (*_PREFIX_OWNERS.get(w[:1], ()), *_PREFIX_OWNERS.get(w[:2], ())):
                    if w.startswith(anchor):
                        found.setdefault(owner, []).append((True, anchor))
            self._anchored = found
        return self._anchored.get(serial, []) if serial < self._complete else None


def _words_of(analysis: "Analysis") -> _Words:
    got = analysis.cache.get("_lexicon.words")
    if got is None:
        got = analysis.cache["_lexicon.words"] = _Words(analysis.norm.text, shared=True)
    return got


class Lexicon:
    """A word list matched as whole words on the normalised text. Build once, match many.

    Each term is indexed by its longest word (``_anchor``). A post's word set picks the few terms that
    can occur, and only their small regexes run; together they give exactly the hits of one big
    alternation (leftmost first, then the longer term, no overlaps), without compiling or scanning it.
    Most lexicons do not occur in most posts, and the ``regex`` module compiles a large alternation
    slowly (a cold start pays that for every lexicon).
    """

    def __init__(self, terms: Iterable[str], *, masked: bool = False) -> None:
        given = sorted({t.strip() for t in terms if t and t.strip()})
        # "=OM", "=DENK": match only where the post writes the capitals too ("om te", "ik denk" are words)
        self._exact = frozenset(t[1:].strip() for t in given if t.startswith("=") and t[1:].strip())
        self._given = tuple(given)
        uniq = sorted({t[1:].strip() if t.startswith("=") else t for t in given} - {""}, key=lambda t: (-len(t), t))
        self.terms = uniq
        self.masked = masked
        self._alts = [_term_regex(t, masked) for t in uniq]
        self._compiled: "regex.Pattern[str] | None" = None
        self._term_rx: dict[int, "regex.Pattern[str]"] = {}  # compiled when a post first needs them
        self._always: list[int] = []  # terms of no letters or digits: always tried
        self._by_word: dict[str, list[int]] = {}
        self._by_prefix: dict[str, list[int]] = {}
        for i, term in enumerate(uniq):
            anchor = _anchor(term)
            if anchor is None:
                self._always.append(i)
            else:
                (self._by_prefix if anchor[1] else self._by_word).setdefault(anchor[0], []).append(i)
        self._long_prefixes = [w for w in self._by_prefix if len(w) > _MAX_PREFIX]
        self._short_hits: dict[str, tuple[tuple[int, int, str], ...]] = {}  # see search_text
        self._serial = _register_anchors(self._by_word, self._by_prefix)
        forget = weakref.finalize(self, _FORGOTTEN.append, (self._serial, tuple(self._by_word), tuple(self._by_prefix)))
        forget.atexit = False

    def __bool__(self) -> bool:
        return bool(self._alts)

    def __reduce__(self) -> tuple:
        # A copy (pickle, deepcopy) registers its anchors anew: serial numbers belong to one process.
        return _rebuilt_lexicon, (self._given, self.masked)

    @property
    def _rx(self) -> "regex.Pattern[str]":
        # The whole alternation, compiled on first use: only needed for masked words ("f*ck").
        if self._compiled is None:
            self._compiled = regex.compile(_B + "(?:" + "|".join(self._alts) + ")" + _E)
        return self._compiled

    def _candidates(self, words: _Words) -> list[int] | None:
        """Indexes of the terms that can occur in a text with these words; None: try them all."""
        if self.masked and words.masks:
            return None
        anchored = words.anchored(self._serial)
        if anchored is None:  # built after the post's words were looked up: test the anchors here
            anchored = [(False, w) for w in self._by_word.keys() & words.words]
            if self._by_prefix:  # most lexicons have no "prefix*" terms: no prefix set to build
                anchored += [(True, w) for w in self._by_prefix.keys() & words.prefixes]
        if not anchored and not self._always and not self._long_prefixes:
            return []  # the common case: none of the anchors is in the post
        found = set(self._always)
        for is_prefix, w in anchored:
            found.update((self._by_prefix if is_prefix else self._by_word)[w])
        for w in self._long_prefixes:  # anchors longer than the prefixes kept: test the words directly
            if any(word.startswith(w) for word in words.words):
                found.update(self._by_prefix[w])
        return sorted(found)

    def _find_norm(self, text: str, words: _Words | None = None) -> Iterator[tuple[int, int, str]]:
        """(start, end, entry) of each hit in a normalised text."""
        if not self._alts:
            return
        candidates = self._candidates(words or _Words(text))
        if candidates is None:
            for m in scan(self._rx, text, f"lexicon of {len(self.terms)} terms"):
                yield m.start(), m.end(), self.entry_of(m.group())
            return
        found: list[tuple[int, int, int]] = []  # (start, term index: earlier wins, end)
        for i in candidates:
            rx = self._term_rx.get(i)
            if rx is None:
                rx = self._term_rx[i] = regex.compile(_B + "(?:" + self._alts[i] + ")" + _E)
            # No timeout here (it doubles the cost of these short scans): a term's regex is built by
            # _term_regex from escaped characters, single-letter mask options and one trailing or
            # between-word run, never a nested repeat, so it runs in linear time on any text.
            found.extend((m.start(), i, m.end()) for m in rx.finditer(text, overlapped=True))
        pos = 0
        for start, i, end in sorted(found):
            if start >= pos:  # the first term (in alternation order) that matches here wins
                yield start, end, self.terms[i]
                pos = end

    def finditer(self, analysis: "Analysis", start: int = 0, end: int | None = None) -> Iterator[Hit]:
        """Hits in the post (optionally only within original offsets ``[start, end)``)."""
        norm = analysis.norm
        for ns, ne, entry in self._find_norm(norm.text, _words_of(analysis)):
            s, e = norm.to_original(ns, ne)
            if s < start or (end is not None and e > end):
                continue
            if entry in self._exact and not _same_capitals(analysis.text[s:e], entry):
                continue
            yield Hit(s, e, entry)

    def entry_of(self, matched: str) -> str:
        """The lexicon entry that produced a (normalised) match."""
        for term, alt in zip(self.terms, self._alts):
            if compiled_regex(alt, False).fullmatch(matched):
                return term
        return matched

    def search_text(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, entry) of each hit in a plain string (offsets into that string)."""
        if len(text) > _SHORT_TEXT:
            return self._search_text(text)
        # Checkers search the same short strings again and again (a sentence's first word, the words
        # around a number): remember them, a bounded number per lexicon.
        got = self._short_hits.get(text)
        if got is None:
            if len(self._short_hits) >= _SHORT_TEXTS_KEPT:
                self._short_hits.clear()
            got = self._short_hits[text] = tuple(self._search_text(text))
        return list(got)

    def _search_text(self, text: str) -> list[tuple[int, int, str]]:
        n = normalize(text)
        out = [(*n.to_original(s, e), entry) for s, e, entry in self._find_norm(n.text)]
        if self._exact:
            out = [(s, e, t) for s, e, t in out if t not in self._exact or _same_capitals(text[s:e], t)]
        return out

    def contains(self, analysis: "Analysis", start: int = 0, end: int | None = None) -> bool:
        """Whether a hit lies within original offsets ``[start, end)``; read from the post's cached hits
        (``post_hits``), so asking again for another span of the same post does not scan again."""
        return any(start <= h.start and (end is None or h.end <= end) for h in post_hits(analysis, self))


def _same_capitals(written: str, term: str) -> bool:
    """Whether every capital of ``term`` is a capital where the post wrote it ("OM" yes, "om" no).
    Letters are paired in order; when normalisation changed their number, the hit is kept."""
    got = [c for c in written if c.isalpha()]
    want = [c for c in term if c.isalpha()]
    return len(got) != len(want) or all(not w.isupper() or g.isupper() for g, w in zip(got, want))


def _rebuilt_lexicon(terms: tuple[str, ...], masked: bool) -> Lexicon:
    return Lexicon(terms, masked=masked)


# --------------------------------------------------------------------------- patterns

VALIDATORS: dict[str, Callable[[str], bool]] = {}


def validator(name: str) -> Callable[[Callable[[str], bool]], Callable[[str], bool]]:
    """Register a validator rules can name in ``match.validator`` (True keeps a hit, False drops it)."""

    def deco(fn: Callable[[str], bool]) -> Callable[[str], bool]:
        VALIDATORS[name] = fn
        return fn

    return deco


def _leading_words(source: str) -> frozenset[str] | None:
    """The words one of which every match of a pattern must start with, when the source says so plainly.

    Recognises a pattern (or each of its top-level ``|`` branches) that opens with ``\\b`` and then one
    word or a ``(?:...)`` group of plain words or phrases ("no\\s+one"), followed by ``\\s`` or ``\\b``:
    most rule patterns ("\\b(?:is|zijn|was)\\s+..."). Anything else gives None (no pre-check), so
    the answer is always safe: a match is never skipped.
    """
    found = _per_branch(source, _branch_leading_words)
    return frozenset(found) if found else None


def _per_branch(source: str, read: Callable[[str], "set[str] | None"]) -> set[str] | None:
    """The union of ``read`` over a pattern's top-level branches; None when any branch gives nothing."""
    found: set[str] = set()
    for branch in _top_level_split(source):
        got = read(branch)
        if not got:
            return None
        found |= got
    return found


def _group_at(source: str, i: int) -> tuple[list[str], int] | None:
    """The alternatives of a ``(?:...)`` or ``(?i:...)`` group opening at ``i``, and the index after it."""
    if not source.startswith(("(?:", "(?i:"), i):
        return None
    close = _closing_paren(source, i)
    if close is None:
        return None
    return _top_level_split(source[source.index(":", i) + 1:close]), close + 1


_PHRASE = regex.compile(r"(\p{L}+)(?:\\s\+\p{L}+)*")


def _branch_leading_words(source: str) -> set[str] | None:
    if not source.startswith(r"\b"):
        return None
    group = _group_at(source, 2)
    if group is not None:
        phrases, after = group
    else:
        m = regex.match(r"\p{L}+", source[2:])
        if m is None:
            return None
        phrases, after = [m.group()], 2 + m.end()
    rest = source[after:]
    # the phrase must end there: "\\b", or white space that is not optional ("\\s?", "\\s*", "\\s{0,")
    if not (rest.startswith(r"\b") or (rest.startswith(r"\s") and rest[2:3] not in ("*", "?", "{"))):
        return None
    firsts = [_PHRASE.fullmatch(p) for p in phrases]
    if not firsts or not all(firsts):
        return None
    return {normalize(m.group(1)).text for m in firsts}


def _structure(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, character, depth after it)`` for each character of a regex source outside escapes and
    character classes; parentheses change the depth."""
    depth, i, in_class = 0, start, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def _top_level_split(source: str) -> list[str]:
    """A pattern's top-level ``|`` branches (escapes, classes and groups respected)."""
    cuts = [i for i, ch, depth in _structure(source) if ch == "|" and depth == 0]
    return [source[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(source)])]


def _leading_literals(source: str) -> tuple[str, ...] | None:
    """Literal text one of which every match must contain, read from a pattern's opening; None if unclear.

    For patterns that open with a group of label words but no ``\\b`` ("(?:phone|tel\\.?|mobiel)...",
    after any ``\\b`` and lookarounds): each alternative's leading letters ("tel") must occur in the post,
    so a case-folded substring test is a safe pre-check. Anything else gives None (no pre-check).
    """
    found = _per_branch(source, _branch_literals)
    return tuple(sorted(found)) if found else None


# White space in a verbose pattern ("(?x)") matches nothing: its words are not literal text.
_VERBOSE = regex.compile(r"\(\?[a-zA-Z]*x")
_LITERAL = regex.compile(r"[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*")


def _branch_literals(src: str) -> set[str] | None:
    i = 0
    while True:  # skip what matches no text: \b and lookarounds
        if src.startswith(r"\b", i):
            i += 2
        elif src.startswith(("(?<!", "(?<=", "(?=", "(?!"), i):
            close = _closing_paren(src, i)
            if close is None:
                return None
            i = close + 1
        else:
            break
    group = _group_at(src, i)
    if group is None:
        return _literal_alternatives([src[i:]])
    if src[group[1]:group[1] + 1] in ("?", "*", "{"):
        return None  # an optional opening group promises nothing
    return _literal_alternatives(group[0])


def _inner_literals(source: str) -> tuple[str, ...] | None:
    r"""Like ``_leading_literals``, from a group of plain words anywhere in each top-level branch.

    ``\p{L}{3,}(?:kanker|infarct)``, ``(?:\d+\s+)?\p{Lu}\p{Ll}+(?:straat|laan)``: a group at the top
    level of the branch that is not optional (no ``?``, ``*`` or ``{`` after it) is part of every match,
    so one of its alternatives' leading letters occurs in the post. The most selective such group is
    kept (longest shortest literal). Anything unclear gives None.
    """
    found = _per_branch(source, _branch_inner_literals)
    return tuple(sorted(found)) if found else None


def _branch_inner_literals(src: str) -> set[str] | None:
    best: set[str] | None = None
    for i, ch, depth in _structure(src):
        if ch != "(" or depth != 1:  # only groups at the branch's top level
            continue
        group = _group_at(src, i)
        if group is None or src[group[1]:group[1] + 1] in ("?", "*", "{"):
            continue
        lits = _literal_alternatives(group[0])
        if lits and (best is None or min(map(len, lits)) > min(map(len, best))):
            best = lits
    return best


def _literal_alternatives(alternatives: list[str]) -> set[str] | None:
    """The case-folded leading letters of each alternative; None unless every one opens with some."""
    out = set()
    for alt in alternatives:
        m = _LITERAL.match(alt)
        if m is None:
            return None
        lit = m.group()
        if alt[m.end():m.end() + 1] in ("?", "*", "{"):  # the last character is optional
            lit = lit[:-1].rstrip()
        if not lit:
            return None
        out.add(_casefold(lit))
    return out


# Escapes that carry an argument: ``\p{L}``, ``\N{name}``, ``\x{e9}``, ``\xe9``, ``\u00e9``, ``\U0001f600``.
_ESCAPE = regex.compile(r"\\(?:[pPNx]\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", regex.DOTALL)
# A character that stands for itself in a pattern: letters, digits, the space, and punctuation that is
# no regex syntax ("/", "!", "‼", "'"); the pre-check finds it in the folded post as it is.
_RUN_CHAR = regex.compile(r"[^\\.^$*+?{}\[\]|()\s]| ")
_QUANTIFIER = regex.compile(r"\{[\d\s]*(?:,[\d\s]*)?\}")
_ESCAPED_MARK = regex.compile(r"[^\p{L}\p{N}\s_]")


def _class_end(src: str, i: int) -> int:
    """Index of the "]" that closes the class opening at ``src[i]`` ("[]...]" and "[^]...]" included)."""
    j = i + 1 + (src[i + 1 : i + 2] == "^")
    j += src[j : j + 1] == "]"
    while j < len(src) and src[j] != "]":
        j += 2 if src[j] == "\\" else 1
    return j


def _literal_runs(src: str) -> list[str]:
    """The runs of plain letters, digits and spaces at the top level of a branch or alternative.

    Every match contains each of them: a character a quantifier follows is left out when it may be
    absent (``?``, ``*``, ``{``) and ends the run otherwise (``+``); an escaped punctuation mark is that
    mark; other escapes, classes, groups and anything else end a run. Case-folded, as the pre-check compares them with the folded post.
    """
    runs: list[str] = []
    run: list[str] = []
    i, depth = 0, 0
    while i < len(src):
        ch = src[i]
        escaped = False
        if ch == "\\":
            m = _ESCAPE.match(src, i)
            i = m.end() if m else len(src)
            # an escaped punctuation mark ("\.", "\-", "\(") is that character; other escapes are no text
            ch = m.group()[1] if m and len(m.group()) == 2 and _ESCAPED_MARK.match(m.group()[1]) else ""
            escaped = bool(ch)
        elif ch == "[":  # a class: skip past its closing bracket
            i = _class_end(src, i) + 1
            ch = ""
        elif ch == "{" and (m := _QUANTIFIER.match(src, i)):  # "{2,5}" repeats; its digits are no text
            i = m.end()
            ch = ""
        else:
            depth += (ch == "(") - (ch == ")")
            i += 1
        if depth == 0 and ch and (escaped or _RUN_CHAR.match(ch)) and (ch != " " or run):
            if src[i : i + 1] in ("?", "*", "{"):
                ch = ""  # an optional character: the run ends before it
            else:
                run.append(ch)
                if src[i : i + 1] != "+":
                    continue
        if run:
            runs.append(_casefold("".join(run).rstrip()))
            run = []
    if run:
        runs.append(_casefold("".join(run).rstrip()))
    return [r for r in runs if r]


def _required_literals(source: str) -> tuple[tuple[frozenset[str], ...], ...] | None:
    r"""For each top-level branch, groups of literal texts: a match of the branch contains one text of
    every group. None when some branch promises none (then there is no pre-check).

    A branch's groups are its own top-level literal runs (``the\s+`` gives "the") and each top-level
    ``(?:...)`` group that is not optional, as the longest run of each alternative ("a\s+disgrace"
    gives "disgrace"). A literal in a post is a case-folded substring test, so this is safe (a match is
    never skipped) and, unlike ``_inner_literals``, asks for every required group, not just one.
    """
    if _VERBOSE.search(source):
        return None
    out = []
    for branch in _top_level_split(source):
        groups = {frozenset([run]) for run in _literal_runs(branch)}
        for i, ch, depth in _structure(branch):
            if ch != "(" or depth != 1:
                continue
            group = _group_at(branch, i)
            if group is None or branch[group[1] : group[1] + 1] in ("?", "*", "{"):
                continue
            longest = [max(_literal_runs(alt), key=len, default="") for alt in group[0]]
            if longest and all(longest):
                groups.add(frozenset(longest))
        groups.update(_class_groups(branch))
        if not groups:
            return None
        # The cheapest test first (fewest texts to look for); ties: the rarest (longest shortest text).
        out.append(tuple(sorted(groups, key=lambda g: (len(g), -min(map(len, g)), sorted(g)))))
    return tuple(out)


_PLAIN_CLASS = regex.compile(r"\[([^\\\[\]^-][^\\\[\]-]*)\]")
_REPEAT_MIN = regex.compile(r"\{(\d+)")


def _class_groups(branch: str) -> list[frozenset[str]]:
    """The top-level classes of plain characters a branch needs at least once (``[!?‼]{3,}``, ``[/\\]``):
    each is a group of one-character texts. A class with escapes, ranges or negation, or one that may be
    absent (``?``, ``*``, ``{0,``), gives nothing."""
    out = []
    i, depth = 0, 0
    while i < len(branch):
        ch = branch[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            m = _PLAIN_CLASS.match(branch, i)
            j = _class_end(branch, i)
            after = branch[j + 1 : j + 2]
            if depth == 0 and m is not None and m.end() == j + 1:
                q = _REPEAT_MIN.match(branch, j + 1)
                if after not in ("?", "*", "{") or (q is not None and int(q.group(1)) > 0):
                    out.append(frozenset(_casefold(c) for c in m.group(1)))
            i = j + 1
            continue
        depth += (ch == "(") - (ch == ")")
        i += 1
    return out


def _closing_paren(source: str, start: int) -> int | None:
    """Index of the ")" that closes the "(" at ``start`` (escapes and classes respected)."""
    return next((i for i, ch, depth in _structure(source, start) if ch == ")" and depth == 0), None)


def _casefold(text: str) -> str:
    """Case folding for the literal pre-checks, the same for a pattern's literals and for the post.

    ``casefold()`` turns "İ" into "i" and a combining dot, but ``regex`` matches "İ" as "i" when ignoring
    case ("BİJ" matches "bij"): it is the one character (a scan of all of Unicode against the ASCII
    letters and digits) whose fold would hide such a literal, so it folds to "i" here.
    """
    folded = text.casefold()
    return folded.replace("i\u0307", "i") if "\u0130" in text else folded


@functools.lru_cache(maxsize=16)
def _folded(text: str) -> str:
    return _casefold(text)


class _Literals(dict):
    """Which groups of literal texts a post contains (``{group: bool}``), each group tested once per
    post however many patterns require it ("is", "zijn", "was" open many patterns)."""

    __slots__ = ("folded",)

    def __init__(self, text: str) -> None:
        super().__init__()
        self.folded = _folded(text)

    def __missing__(self, group: frozenset[str]) -> bool:
        folded = self.folded
        for lit in group:  # a loop, not any(): no generator for the few texts of most groups
            if lit in folded:
                self[group] = True
                return True
        self[group] = False
        return False


@functools.lru_cache(maxsize=16)
def _literals_of(text: str) -> _Literals:
    return _Literals(text)


# Runs of word characters as ``\b`` sees them (regex's \w): a match that opens with ``\b`` and a word
# starts a run, and ends it where the pattern asks for ``\s`` or ``\b``. (Splitting on letters and digits
# instead glued "½" or "²" to the next word and lost "½niet zonder".) Stdlib re has the same \w on ASCII.
_WORD_RUN = regex.compile(r"\w+")
_WORD_RUN_ASCII = re.compile(r"\w+")


@functools.lru_cache(maxsize=16)
def _text_words(text: str) -> frozenset[str]:
    """The normalised words of a text, split on the original (as a pattern sees it); a few texts cached."""
    runs = (_WORD_RUN_ASCII if text.isascii() else _WORD_RUN).findall(text)
    return frozenset(normalize(w).text for w in set(runs))


@dataclass(frozen=True)
class CompiledPattern:
    name: str
    source: str
    ignore_case: bool
    score: float
    leading: frozenset[str] | None = None  # a match starts with one of these words (see _leading_words)
    literals: tuple[str, ...] | None = None  # contains one of these texts (_leading_literals, _inner_literals)
    required: tuple[tuple[frozenset[str], ...], ...] | None = None  # see _required_literals

    @functools.cached_property
    def rx(self) -> "regex.Pattern[str]":
        # Compiled on first use: a cold start on one post compiles only the patterns its pre-checks let
        # through (the rule packs were validated, compiles included, when they were loaded or cached).
        return compiled_regex(self.source, self.ignore_case)

    def can_match(self, text: str) -> bool:
        """False when the pre-checks prove the pattern has no match in ``text`` (True: it may have)."""
        if self.leading is not None and self.leading.isdisjoint(_text_words(text)):
            return False
        if self.required is not None:
            present = _literals_of(text)
            for branch in self.required:
                for group in branch:
                    if not present[group]:
                        break
                else:
                    return True
            return False
        if self.literals is not None:
            folded = _folded(text)
            return any(lit in folded for lit in self.literals)
        return True

    def finditer(self, text: str) -> Iterator["regex.Match[str]"]:
        # Not a generator: most calls end at the pre-checks, and a scan collects its matches at once.
        return iter(self._scan(text)) if self.can_match(text) else iter(())

    def _scan(self, text: str) -> list["regex.Match[str]"]:
        return scan(self.rx, text, self.name)  # a method of its own: benchmarks/pattern_scans.py times it


def compile_pattern(spec: "PatternSpec") -> CompiledPattern:
    return _compiled_pattern(spec.name, spec.regex, spec.ignore_case, spec.score)


@functools.lru_cache(maxsize=4096)
def _compiled_pattern(name: str, source: str, ignore_case: bool, score: float) -> CompiledPattern:
    if _VERBOSE.search(source):
        return CompiledPattern(name, source, ignore_case, score)
    leading = _leading_words(source)
    literals = _leading_literals(source) if leading is None else None
    if literals is None:  # a group further on may still be required ("(?:niet|geen)\s+(?:zo|heel)")
        literals = _inner_literals(source)
    return CompiledPattern(name, source, ignore_case, score, leading, literals, _required_literals(source))


# --------------------------------------------------------------------------- nearness

def words_near(analysis: "Analysis", start: int, end: int, window: int = 50) -> str:
    """The normalised text within ``window`` characters of an original span (for context words)."""
    text = analysis.text
    a, b = max(0, start - window), min(len(text), end + window)
    return normalize(text[a:b]).text


def near(analysis: "Analysis", lexicon: Lexicon, start: int, end: int, window: int = 50) -> bool:
    """Whether any lexicon entry occurs within ``window`` characters of ``[start, end)``."""
    if not lexicon:
        return False
    return bool(lexicon.search_text(analysis.text[max(0, start - window): min(len(analysis.text), end + window)]))


@functools.lru_cache(maxsize=2048)
def lexicon_for(terms: tuple[str, ...], masked: bool = False) -> Lexicon:
    """A cached Lexicon for a tuple of terms (rule packs are immutable, so this is safe)."""
    return Lexicon(terms, masked=masked)


_PER_RULE: dict[int, tuple["Rule", dict]] = {}
_MISSING = object()


def per_rule(rule: "Rule", key: tuple, build: Callable[[], object]) -> Any:
    """``build()`` once per rule object and ``key``, e.g. a rule's lexicon or compiled patterns for a language.

    Checkers ask for these on every post; finding them again (a tuple of hundreds of terms built and
    hashed for ``lexicon_for``) costs more than most matches. Keyed by identity, checked with ``is``
    (rules are immutable, and a recycled id never returns another rule's entry).
    """
    return per_object(rule, key, build)


def per_object(owner: object, key: tuple, build: Callable[[], object]) -> Any:
    """Like ``per_rule`` for any object a checker keeps for its life (e.g. a word list in parsed params,
    which must not be changed afterwards)."""
    memo = _PER_RULE.get(id(owner))
    if memo is None or memo[0] is not owner:
        if len(_PER_RULE) > 20_000:  # many short-lived rule sets (tests, reloaded packs): start over
            _PER_RULE.clear()
        memo = _PER_RULE[id(owner)] = (owner, {})
    got = memo[1].get(key, _MISSING)
    if got is _MISSING:
        got = memo[1][key] = build()
    return got


def rule_lexicon(rule: "Rule", lang: str, *, masked: bool = False) -> Lexicon:
    return per_rule(rule, ("terms", lang, masked), lambda: lexicon_for(tuple(rule.match.terms_for(lang)), masked))


def exclude_lexicon(rule: "Rule", lang: str) -> Lexicon:
    """The rule's ``exclude`` phrases for a language."""
    return per_rule(rule, ("exclude", lang), lambda: lexicon_for(tuple(rule.match.exclude_for(lang))))


def context_lexicon(rule: "Rule", lang: str) -> Lexicon:
    """The rule's ``context`` words for a language."""
    return per_rule(rule, ("context", lang), lambda: lexicon_for(tuple(rule.match.context_for(lang))))


def rule_patterns(rule: "Rule", lang: str) -> "tuple[CompiledPattern, ...]":
    """The rule's patterns for a language, compiled (each regex on first use)."""
    return per_rule(rule, ("patterns", lang), lambda: tuple(compile_pattern(p) for p in rule.match.patterns_for(lang)))


_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")


def word_tokens(analysis: "Analysis") -> list:
    """The post's word tokens (a letter or digit), leaving out links, @mentions and #hashtags; cached."""
    got = analysis.cache.get("_word_tokens")
    if got is None:
        skipped = in_links(analysis) if (analysis.urls or analysis.mentions or analysis.hashtags) else None
        got = []
        for t in analysis.doc:
            text = t.text
            # an ASCII word of letters and digits (most tokens) needs no regex
            if (text.isascii() and text.isalnum()) or (_WORDLIKE.search(text) and not text.startswith("#")):
                if skipped is None or not skipped(t.idx, t.idx + 1):
                    got.append(t)
        analysis.cache["_word_tokens"] = got
    return got


def in_links(analysis: "Analysis") -> Callable[[int, int], bool]:
    """A test "is ``[start, end)`` inside a link, @mention or #hashtag of the post?"; cached per post."""
    got = analysis.cache.get("_in_links")
    if got is None:
        # bisect, not a scan: a post of 20 000 hashtags must not be quadratic
        spans = ((f.start, f.end) for f in (*analysis.urls, *analysis.mentions, *analysis.hashtags))
        got = analysis.cache["_in_links"] = covering(spans)
    return got


# Formats of identifiers whose digits and capitals are neither figures nor words: NL postcodes ("7601 AB"
# before a town, comma or the end: "1150 IC bedden" is a count), UK postcodes ("LS6 2AB", a sector "LS6 1"),
# IBANs, UK National Insurance numbers and number plates, ECLI case numbers, and phone numbers (a leading
# 0 or +, then groups; 9 to 13 digits, checked below).
# One pattern per format: the regex module scans a post for each alone about three times faster than for
# their alternation (0.03 against 0.08 ms per post on the speed corpus).
_IDENTIFIERS = tuple(regex.compile(rx) for rx in (
    r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?=\s+\p{Lu}\p{Ll}|\s*[,;)]|\s*$)",
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[A-Z]{1,2}\d[A-Z\d]?(?=\s\d\b)",
    r"\b[A-Z]{2}\d{2}(?:\s?[A-Z\d]{4}){2,7}(?:\s?[A-Z\d]{1,3})?\b",
    r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b",
    r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b",
    r"\bECLI:[A-Z]{2}:[A-Z\d]+:\d{4}:[A-Z\d.]+",
    r"(?<![\w.,+])(?:\+\d{1,3}[\s-]?(?:\(0\))?|\(?0)\d{1,4}\)?(?:\s?[-/]?\s?\d{2,4}){1,4}(?![\w,.]\d)",
))
_PHONE_START = regex.compile(r"[+(0]")


def in_identifiers(analysis: "Analysis") -> Callable[[int, int], bool]:
    """A test "is ``[start, end)`` inside a postcode, IBAN, phone, NI, plate or ECLI number?"; cached per post."""
    got = analysis.cache.get("_in_identifiers")
    if got is None:
        spans = []
        for rx in _IDENTIFIERS:
            for m in rx.finditer(analysis.text):
                if _PHONE_START.match(m.group()) and not 9 <= sum(c.isdigit() for c in m.group()) <= 13:
                    continue  # "0 tot 4", "(020)": too few digits for a phone number
                spans.append(m.span())
        got = analysis.cache["_in_identifiers"] = covering(spans)
    return got


def covering(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test "is ``[start, end)`` inside one of these spans?" that bisects (spans may overlap)."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach = list(itertools.accumulate((b for _, b in ordered), max))  # furthest end so far

    def covered(start: int, end: int) -> bool:
        k = bisect.bisect_right(starts, start) - 1
        return k >= 0 and reach[k] >= end

    return covered


def post_hits(analysis: "Analysis", lexicon: Lexicon) -> list[Hit]:
    """All hits of a lexicon in the post, computed once per post (rules share their word lists)."""
    key = ("_lexicon.hits", lexicon)
    got = analysis.cache.get(key)
    if got is None:
        got = analysis.cache[key] = list(lexicon.finditer(analysis)) if lexicon else []
    return got


def term_hits(rule: "Rule", analysis: "Analysis", *, masked: bool = False) -> list[Hit]:
    """Every hit of a rule's terms (cached per post) and patterns, unsorted, overlaps kept."""
    lang = analysis.lang
    hits = list(post_hits(analysis, rule_lexicon(rule, lang, masked=masked)))
    for pat in rule_patterns(rule, lang):
        hits.extend(Hit(m.start(), m.end(), pat.name, pat.score) for m in pat.finditer(analysis.text))
    return hits


def rule_hits(rule: "Rule", analysis: "Analysis") -> list[tuple[int, int]]:
    """Original (start, end) of every hit of a rule's terms and patterns in the post, in order."""
    return sorted({(h.start, h.end) for h in term_hits(rule, analysis)})


def rule_mechanism(rule: "Rule", mechanisms: "dict[str, set[str]]") -> str:
    """The mechanism a rule names in ``params.check``; ValueError unless it and its other params are known."""
    check = rule.params.get("check")
    if check not in mechanisms:
        raise ValueError(f"params.check must be one of {sorted(mechanisms)}, not {check!r}")
    extra = set(rule.params) - mechanisms[check] - {"check"}
    if extra:
        raise ValueError(f"params {sorted(extra)} are not used by check {check!r}")
    return check
